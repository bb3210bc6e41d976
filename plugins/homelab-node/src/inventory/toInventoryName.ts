/**
 * A name from another system (a Proxmox guest, node or storage; a NetBox
 * device, VLAN or prefix) as an inventory and catalog name: lower case, runs
 * of other characters as one dash, at most 63 characters. The import
 * commands and the catalog's merges name an item alike.
 *
 * @public
 */
export function toInventoryName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

/**
 * A name from another system (a Proxmox guest, node or storage; a NetBox
 * device, VLAN or prefix) as an inventory and catalog name: lower case, runs
 * of other characters (dashes too) as one dash, at most 63 characters, no
 * dash at either end; empty when the name has no letter or digit. The import
 * commands and the catalog's merges name an item alike.
 *
 * @public
 */
export function toInventoryName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '');
}

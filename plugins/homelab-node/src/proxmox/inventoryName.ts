/**
 * A Proxmox VE name (a guest, node or storage) as an inventory and catalog
 * name: lower case, runs of other characters as one dash, at most 63
 * characters. The import command and the catalog's merge name a guest alike.
 *
 * @public
 */
export function proxmoxInventoryName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

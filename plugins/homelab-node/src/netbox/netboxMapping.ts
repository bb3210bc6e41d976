import { NetboxChoice, NetboxObject } from './netboxObjects';

/** An inventory item made from a NetBox object, and that object's page. */
export interface MappedItem {
  item: Record<string, unknown> & { name: string };
  /** Where a person sees the object in NetBox; problems name it as their file. */
  url: string;
}

/**
 * Hands out inventory names within one section: NetBox names need not be
 * unique once lower-cased (two sites may both have a "servers" VLAN), so a
 * second claim of a name gets a numbered one.
 */
export class NameRegistry {
  readonly #taken = new Set<string>();

  claim(wanted: string): string {
    let name = wanted;
    // Names stay within the inventory's 63 characters with the number added.
    for (let n = 2; this.#taken.has(name); n++)
      name = `${wanted.slice(0, 57)}-${n}`;
    this.#taken.add(name);
    return name;
  }
}

/** A choice field's value as text: "active", or "1" where NetBox 2.x used numbers. */
export function choiceValue(choice?: NetboxChoice | null): string | undefined {
  if (choice === undefined || choice === null || choice.value === null)
    return undefined;
  if (choice.value === true) return 'active';
  return String(choice.value);
}

/** An address without its mask length: 192.168.1.10/24 -> 192.168.1.10. */
export const withoutMask = (address: string) => address.split('/')[0];

/**
 * The object's page in NetBox's UI: `display_url` (NetBox 4.x), else its
 * API URL without the /api prefix, else one built from the configured URL.
 */
export function objectUrl(
  object: NetboxObject,
  baseUrl: string,
  list: string,
): string {
  if (object.display_url) return object.display_url;
  if (object.url) return object.url.replace('/api/', '/');
  return `${baseUrl.replace(/\/+$/, '')}/${list}/${object.id}/`;
}

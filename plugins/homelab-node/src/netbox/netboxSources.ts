import { Config } from '@backstage/config';
import { HostConnection } from '../http/requestJson';

const DEFAULT_TIMEOUT_MS = 15_000;
/** NetBox's own MAX_PAGE_SIZE default: a larger limit is cut to it anyway. */
const DEFAULT_PAGE_SIZE = 1000;

/**
 * How an inventory section takes NetBox's items. merge: NetBox's items join
 * the YAML's; an item both declare keeps the YAML's facts, and NetBox's
 * differences are reported as drift. netbox: NetBox is the only source of
 * the section; an item the YAML declares there is an error.
 *
 * @public
 */
export type NetboxSectionMode = 'merge' | 'netbox';

/**
 * The inventory sections NetBox fills: devices (from DCIM devices,
 * interfaces and IP addresses) and networks (from IPAM prefixes, VLANs and
 * IP ranges).
 *
 * @public
 */
export type NetboxSections = Record<'devices' | 'networks', NetboxSectionMode>;

/**
 * A NetBox whose devices, prefixes, VLANs and addresses the inventory is
 * built from: its REST API with a read-only token (a v1 token is sent as
 * `Token <token>`, a v2 token `nbt_<key>.<token>` as `Bearer`), or a folder of
 * recorded list answers (dcim/devices.json, ipam/prefixes.json, ...).
 *
 * @public
 */
export type NetboxSource = {
  name: string;
  /** Only this site's devices, prefixes and VLANs (its slug); all when absent. */
  site?: string;
  sections: NetboxSections;
} & (
  | { api: HostConnection & { token: string; pageSize: number } }
  | { recorded: string }
);

const MODES: readonly NetboxSectionMode[] = ['merge', 'netbox'];

function readSections(entry: Config, where: string): NetboxSections {
  const mode = (section: keyof NetboxSections): NetboxSectionMode => {
    const value = entry.getOptionalString(`sections.${section}`) ?? 'merge';
    if (!MODES.includes(value as NetboxSectionMode)) {
      throw new Error(
        `${where}.sections.${section} must be "merge" or "netbox", not "${value}"`,
      );
    }
    return value as NetboxSectionMode;
  };
  return { devices: mode('devices'), networks: mode('networks') };
}

/**
 * The sources of homelab.inventory.netbox; a mistake names the entry.
 *
 * @public
 */
export function readNetboxSources(config: Config): NetboxSource[] {
  return (config.getOptionalConfigArray('homelab.inventory.netbox') ?? []).map(
    (entry, index) => {
      const name = entry.getString('name');
      const where = `homelab.inventory.netbox[${index}] "${name}"`;
      const recorded = entry.getOptionalString('recorded');
      const url = entry.getOptionalString('url');
      if (Boolean(recorded) === Boolean(url)) {
        throw new Error(
          `${where} needs exactly one of url (with token) or recorded`,
        );
      }
      const common = {
        name,
        site: entry.getOptionalString('site'),
        sections: readSections(entry, where),
      };
      if (recorded) return { ...common, recorded };
      return {
        ...common,
        api: {
          url: url!,
          token: entry.getString('token'),
          pageSize: entry.getOptionalNumber('pageSize') ?? DEFAULT_PAGE_SIZE,
          caData: entry.getOptionalString('caData'),
          skipTLSVerify: entry.getOptionalBoolean('skipTLSVerify'),
          timeoutMs:
            entry.getOptionalNumber('requestTimeoutMs') ?? DEFAULT_TIMEOUT_MS,
        },
      };
    },
  );
}

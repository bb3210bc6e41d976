import { Config } from '@backstage/config';
import { HostConnection } from '../http/requestJson';

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * A Proxmox VE server (or cluster, through any of its nodes) whose guests
 * and storage the inventory is merged with: its API with a read-only token,
 * or a recorded answer of GET /api2/json/cluster/resources.
 *
 * @public
 */
export type ProxmoxSource =
  | {
      name: string;
      api: HostConnection & { tokenId: string; tokenSecret: string };
    }
  | { name: string; recordedResources: string };

/**
 * The sources of homelab.inventory.proxmox; a mistake names the entry.
 *
 * @public
 */
export function readProxmoxSources(config: Config): ProxmoxSource[] {
  return (config.getOptionalConfigArray('homelab.inventory.proxmox') ?? []).map(
    (entry, index) => {
      const name = entry.getString('name');
      const recordedResources = entry.getOptionalString('recordedResources');
      const url = entry.getOptionalString('url');
      if (Boolean(recordedResources) === Boolean(url)) {
        throw new Error(
          `homelab.inventory.proxmox[${index}] "${name}" needs exactly one of url (with tokenId and tokenSecret) or recordedResources`,
        );
      }
      if (recordedResources) return { name, recordedResources };
      return {
        name,
        api: {
          url: url!,
          tokenId: entry.getString('tokenId'),
          tokenSecret: entry.getString('tokenSecret'),
          caData: entry.getOptionalString('caData'),
          skipTLSVerify: entry.getOptionalBoolean('skipTLSVerify'),
          timeoutMs:
            entry.getOptionalNumber('requestTimeoutMs') ?? DEFAULT_TIMEOUT_MS,
        },
      };
    },
  );
}

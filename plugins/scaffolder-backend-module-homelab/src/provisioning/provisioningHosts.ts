import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** A Proxmox VE server an operator configured. */
export interface ProxmoxHost {
  name: string;
  url: string;
  node: string;
  tokenId: string;
  tokenSecret: string;
  caData?: string;
  skipTLSVerify?: boolean;
  taskTimeoutMs: number;
}

/** A Turing Pi 2 BMC an operator configured. */
export interface TuringPiHost {
  name: string;
  url: string;
  username: string;
  password: string;
  caData?: string;
  skipTLSVerify?: boolean;
  /** Flashable images by name: paths on the backend's disk. */
  images: Record<string, string>;
  flashTimeoutMs: number;
}

/** The hosts of homelab.provisioning. */
export interface ProvisioningHosts {
  proxmox: ProxmoxHost[];
  turingPi: TuringPiHost[];
}

/** Reads homelab.provisioning; secrets stay in these objects only. */
export function readProvisioningHosts(config: Config): ProvisioningHosts {
  const proxmox = (
    config.getOptionalConfigArray('homelab.provisioning.proxmox') ?? []
  ).map(host => ({
    name: host.getString('name'),
    url: host.getString('url'),
    node: host.getString('node'),
    tokenId: host.getString('tokenId'),
    tokenSecret: host.getString('tokenSecret'),
    caData: host.getOptionalString('caData'),
    skipTLSVerify: host.getOptionalBoolean('skipTLSVerify'),
    taskTimeoutMs: (host.getOptionalNumber('taskTimeoutSeconds') ?? 600) * 1000,
  }));
  const turingPi = (
    config.getOptionalConfigArray('homelab.provisioning.turingPi') ?? []
  ).map(host => {
    const images = host.getOptionalConfig('images');
    return {
      name: host.getString('name'),
      url: host.getString('url'),
      username: host.getString('username'),
      password: host.getString('password'),
      caData: host.getOptionalString('caData'),
      skipTLSVerify: host.getOptionalBoolean('skipTLSVerify'),
      images: Object.fromEntries(
        (images?.keys() ?? []).map(key => [key, images!.getString(key)]),
      ),
      flashTimeoutMs:
        (host.getOptionalNumber('flashTimeoutSeconds') ?? 1800) * 1000,
    };
  });
  return { proxmox, turingPi };
}

/** The configured host of that name; a template can name nothing else. */
export function pickHost<T extends { name: string }>(
  hosts: T[],
  name: string,
  what: string,
): T {
  const host = hosts.find(h => h.name === name);
  if (!host) {
    const known = hosts.map(h => `"${h.name}"`).join(', ');
    throw new InputError(
      `No ${what} named "${name}" is configured under homelab.provisioning${
        known ? `; configured: ${known}` : ''
      }`,
    );
  }
  return host;
}

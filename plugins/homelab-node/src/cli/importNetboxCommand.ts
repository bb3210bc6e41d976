import path from 'node:path';
import { parseArgs } from 'node:util';
import { netboxStarterInventory } from '../netbox/netboxStarterInventory';
import { NetboxSource } from '../netbox/netboxSources';
import { readNetbox } from '../netbox/readNetbox';
import { HOST_FLAG_OPTIONS, hostConnection } from './hostFlags';
import type { CliIo } from './runInventoryCli';

/**
 * `homelab-inventory import netbox`: prints a starter inventory from a live
 * NetBox (its token from NETBOX_TOKEN, never an argument) or from recorded
 * list answers.
 */
export async function importNetbox(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...HOST_FLAG_OPTIONS,
      recorded: { type: 'string' },
      'netbox-site': { type: 'string' },
      site: { type: 'string', default: 'lab' },
      owner: { type: 'string', default: 'group:default/homelab-admins' },
    },
  });
  const token = io.env?.NETBOX_TOKEN;
  if (
    Boolean(values.url) === Boolean(values.recorded) ||
    (values.url && !token)
  ) {
    io.stderr.write(
      'homelab-inventory import netbox needs --url and NETBOX_TOKEN in the environment, or --recorded <folder>\n',
    );
    return 2;
  }
  const common = {
    site: values['netbox-site'],
    sections: { devices: 'merge', networks: 'merge' } as const,
  };
  const source: NetboxSource = values.recorded
    ? {
        ...common,
        name: 'recorded',
        recorded: path.resolve(io.cwd(), values.recorded),
      }
    : {
        ...common,
        name: new URL(values.url!).hostname,
        api: { ...hostConnection(values, io), token: token!, pageSize: 1000 },
      };
  const snapshot = await readNetbox(source);
  io.stdout.write(
    netboxStarterInventory(snapshot, {
      source: source.name,
      baseUrl: values.url ?? 'http://netbox.invalid',
      site: values.site!,
      owner: values.owner!,
      readAt: new Date(),
    }),
  );
  return 0;
}

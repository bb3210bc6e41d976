/*
 * NetBox as an inventory source at the size of a large homelab or a small
 * lab (HOMELAB_BENCH_NETBOX_DEVICES, default 2,000 devices with 4 interfaces
 * each, an address on two of them, 40 VLAN prefixes with DHCP ranges, a
 * cable from every device to a 48-port switch), in NetBox 4.2's shapes (the
 * netbox-4.2 corpus of homelab-node), served page by page by a local HTTP
 * stand-in at NetBox's largest page (1,000):
 *
 * 1. read: every page of the six lists, as the catalog module reads them;
 * 2. validate: the NetBox items mapped and put through the validator with a
 *    YAML site file, side by side with the same inventory written as YAML
 *    (what `homelab-inventory import netbox` prints) validated alone.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { validateInventoryFiles } from '../../plugins/homelab-node/src/inventory/validateInventory';
import { netboxStarterInventory } from '../../plugins/homelab-node/src/netbox/netboxStarterInventory';
import {
  NetboxDevice,
  NetboxInterface,
  NetboxIpAddress,
  NetboxSnapshot,
} from '../../plugins/homelab-node/src/netbox/netboxObjects';
import { NetboxSource } from '../../plugins/homelab-node/src/netbox/netboxSources';
import { readNetbox } from '../../plugins/homelab-node/src/netbox/readNetbox';
import { validateWithNetbox } from '../../plugins/homelab-node/src/netbox/validateWithNetbox';
import { median, reportResult, round, runBenchmark, timed } from './lib/report';

const DEVICES = Number(process.env.HOMELAB_BENCH_NETBOX_DEVICES ?? 2000);
const VLANS = 40;
const BASE = 'https://netbox.bench.invalid';

const ref = (list: string, id: number, name: string) => ({
  id,
  url: `${BASE}/api/${list}/${id}/`,
  display: name,
  name,
});
const choice = (value: string) => ({ value, label: value });

/** A NetBox of DEVICES devices in NetBox 4.2's shapes. */
function generateNetbox(): NetboxSnapshot {
  const switches = Math.ceil(DEVICES / 48);
  const vlans = Array.from({ length: VLANS }, (_, v) => ({
    ...ref('ipam/vlans', v + 1, `vlan-${v + 10}`),
    vid: v + 10,
    status: choice('active'),
  }));
  const prefixes = vlans.map((vlan, v) => ({
    ...ref('ipam/prefixes', v + 1, `10.${v}.0.0/22`),
    prefix: `10.${v}.0.0/22`,
    status: choice('active'),
    vlan: { ...vlan },
  }));
  const ipRanges = vlans.map((_, v) => ({
    ...ref('ipam/ip-ranges', v + 1, 'dhcp'),
    start_address: `10.${v}.3.100/22`,
    end_address: `10.${v}.3.250/22`,
    status: choice('active'),
    role: { ...ref('ipam/roles', 1, 'DHCP'), slug: 'dhcp' },
  }));
  const devices: NetboxDevice[] = [];
  const interfaces: NetboxInterface[] = [];
  const ipAddresses: NetboxIpAddress[] = [];
  for (let d = 1; d <= DEVICES + switches; d++) {
    const isSwitch = d > DEVICES;
    const name = isSwitch ? `switch-${d - DEVICES}` : `host-${d}`;
    devices.push({
      ...ref('dcim/devices', d, name),
      device_type: {
        manufacturer: ref('dcim/manufacturers', 1, 'Acme'),
        model: 'M1',
      },
      role: {
        ...ref('dcim/device-roles', 1, isSwitch ? 'Switch' : 'Server'),
        slug: isSwitch ? 'switch' : 'server',
      },
      status: choice('active'),
    });
    for (let i = 0; i < (isSwitch ? 48 : 4); i++) {
      const id: number = interfaces.length + 1;
      interfaces.push({
        ...ref('dcim/interfaces', id, isSwitch ? `port-${i + 1}` : `eth${i}`),
        device: ref('dcim/devices', d, name),
        speed: 1_000_000,
        mac_address: null,
        link_peers: [],
        link_peers_type: null,
      });
      if (!isSwitch && i < 2) {
        const v = (d * 2 + i) % VLANS;
        const host = Math.floor((d * 2 + i) / VLANS) + 10;
        ipAddresses.push({
          ...ref('ipam/ip-addresses', ipAddresses.length + 1, ''),
          address: `10.${v}.${Math.floor(host / 256)}.${host % 256}/22`,
          status: choice('active'),
          assigned_object_type: 'dcim.interface',
          assigned_object: {
            id,
            name: `eth${i}`,
            device: ref('dcim/devices', d, name),
          },
        });
      }
    }
  }
  for (let d = 1; d <= DEVICES; d++) {
    const port = interfaces[DEVICES * 4 + (d - 1)];
    const eth0 = interfaces[(d - 1) * 4];
    eth0.link_peers = [{ device: port.device, name: port.name }];
    eth0.link_peers_type = 'dcim.interface';
  }
  return { devices, interfaces, ipAddresses, prefixes, ipRanges, vlans };
}

const LISTS: Record<string, keyof NetboxSnapshot> = {
  '/api/dcim/devices/': 'devices',
  '/api/dcim/interfaces/': 'interfaces',
  '/api/ipam/ip-addresses/': 'ipAddresses',
  '/api/ipam/prefixes/': 'prefixes',
  '/api/ipam/ip-ranges/': 'ipRanges',
  '/api/ipam/vlans/': 'vlans',
};

/** Serves the snapshot as NetBox pages it: count, next, results, by limit and offset. */
async function serve(snapshot: NetboxSnapshot) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://netbox');
    const all = snapshot[LISTS[url.pathname]] as unknown[];
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 1000);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const more = offset + limit < all.length;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        count: all.length,
        next: more
          ? `${url.pathname}?limit=${limit}&offset=${offset + limit}`
          : null,
        previous: null,
        results: all.slice(offset, offset + limit),
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

const SITE = `apiVersion: homelab.dev/v1alpha2
kind: Inventory
site: { name: bench, owner: group:admins }
`;

runBenchmark(async () => {
  const generated = generateNetbox();
  const { server, url } = await serve(generated);
  const source: NetboxSource = {
    name: 'bench',
    sections: { devices: 'netbox', networks: 'netbox' },
    api: { url, token: 'bench', pageSize: 1000, timeoutMs: 60_000 },
  };
  const reads = [];
  let snapshot = generated;
  for (let run = 0; run < 3; run++) {
    const read = await timed(() => readNetbox(source));
    reads.push(read.ms);
    snapshot = read.value;
  }
  server.close();

  const yaml = netboxStarterInventory(snapshot, {
    source: 'bench',
    baseUrl: BASE,
    site: 'bench',
    owner: 'group:admins',
    readAt: new Date(),
  });
  const withNetbox = [];
  const yamlAlone = [];
  let problems = 0;
  for (let run = 0; run < 3; run++) {
    const netbox = await timed(() =>
      validateWithNetbox(
        [{ name: 'site.yaml', content: SITE }],
        [{ source, snapshot }],
      ),
    );
    problems = netbox.value.errorCount;
    withNetbox.push(netbox.ms);
    yamlAlone.push(
      (
        await timed(() =>
          validateInventoryFiles([{ name: 'netbox.yaml', content: yaml }]),
        )
      ).ms,
    );
  }
  if (problems > 0)
    throw new Error(`the generated NetBox has ${problems} errors`);
  reportResult(`NetBox source, ${DEVICES} devices`, {
    'objects read': Object.values(snapshot).reduce(
      (n, list) => n + list.length,
      0,
    ),
    'read all pages (median of 3), ms': round(median(reads)),
    'map + validate with NetBox (median of 3), ms': round(median(withNetbox)),
    'validate the same inventory as YAML (median of 3), ms': round(
      median(yamlAlone),
    ),
    'ratio NetBox / YAML': round(median(withNetbox) / median(yamlAlone), 2),
    'peak RSS, MB': round(process.resourceUsage().maxRSS / 1024),
  });
});

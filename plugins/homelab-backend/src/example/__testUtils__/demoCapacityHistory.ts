/**
 * The memory and disk history behind the example homelab's capacity
 * figures, as OpenMetrics lines for promtool, every five minutes over the
 * same 31 days as the SLO history (CPU use comes from the pods' counters of
 * demoPowerHistory.ts). Where the numbers come from:
 *
 * - cAdvisor's container_memory_working_set_bytes per pod of the recorded
 *   snapshots, with the node label the Prometheus Operator adds: working
 *   sets of the order these apps show on small clusters (illustrative), with
 *   Nextcloud's PostgreSQL growing 24 MiB a day, so production's memory has
 *   a trend to its 80% target;
 * - node_exporter's root filesystem per node (instance is the node's name,
 *   as kube-prometheus-stack relabels it): the RK1s' 1 TB NVMe and the Pi's
 *   1 TB disk, images and logs growing 0.3 GB a day.
 */

const STEP = 300;
const DAY = 24 * 3600;
const MIB = 2 ** 20;

/** Working set in MiB at the start, per node, namespace and pod. */
const PODS: Array<[node: string, namespace: string, pod: string, mib: number]> =
  [
    ['rk1-1', 'home-assistant', 'home-assistant-0', 420],
    ['rk1-1', 'nextcloud', 'nextcloud-z2bfdzmc84-zm7dx', 380],
    ['rk1-1', 'nextcloud', 'nextcloud-postgresql-0', 900],
    ['rk1-1', 'vaultwarden', 'vaultwarden-0', 60],
    [
      'rk1-1',
      'monitoring',
      'prometheus-kube-prometheus-stack-prometheus-0',
      1800,
    ],
    ['rk1-1', 'traefik', 'traefik-pp2xvc7ht4-28qjx', 90],
    ['rk1-2', 'traefik', 'traefik-pp2xvc7ht4-gpkh8', 90],
    ['rk1-2', 'longhorn-system', 'longhorn-manager-h2n2n', 160],
    ['rk1-2', 'kube-system', 'coredns-zt5c9dlfzj-k2rpj', 30],
    ['rk1-3', 'longhorn-system', 'longhorn-manager-nvljv', 160],
    ['rpi-staging', 'home-assistant', 'home-assistant-0', 380],
    ['rpi-staging', 'nextcloud', 'nextcloud-tlk2d9qrfc-xpw4z', 300],
    ['rpi-staging', 'vaultwarden', 'vaultwarden-0', 50],
    [
      'rpi-staging',
      'monitoring',
      'prometheus-kube-prometheus-stack-prometheus-0',
      900,
    ],
  ];
const GROWING_POD = 'nextcloud-postgresql-0';
const GROWTH_MIB_PER_DAY = 24;

/** Root filesystem size and used bytes at the start, per node. */
const DISKS: Array<[node: string, size: number, used: number]> = [
  ['rk1-1', 983e9, 182e9],
  ['rk1-2', 983e9, 96e9],
  ['rk1-3', 983e9, 88e9],
  ['rpi-staging', 983e9, 64e9],
];
const DISK_GROWTH_PER_DAY = 0.3e9;

/** OpenMetrics lines of the pods' working sets and the nodes' filesystems, from `start` to `end`. */
export function demoCapacityHistory(start: number, end: number): string[] {
  const times: number[] = [];
  for (let t = start; t <= end; t += STEP) times.push(t);
  const lines = ['# TYPE container_memory_working_set_bytes gauge'];
  for (const [node, namespace, pod, mib] of PODS) {
    const growth = pod === GROWING_POD && node === 'rk1-1';
    for (const t of times) {
      const bytes =
        (mib + (growth ? (GROWTH_MIB_PER_DAY * (t - start)) / DAY : 0)) * MIB;
      lines.push(
        `container_memory_working_set_bytes{container="app",namespace="${namespace}",node="${node}",pod="${pod}"} ${Math.round(
          bytes,
        )} ${t}`,
      );
    }
  }
  const filesystem = (
    metric: string,
    value: (disk: [string, number, number], t: number) => number,
  ) => {
    lines.push(`# TYPE ${metric} gauge`);
    for (const disk of DISKS)
      for (const t of times)
        lines.push(
          `${metric}{device="/dev/nvme0n1p2",fstype="ext4",instance="${
            disk[0]
          }",mountpoint="/"} ${Math.round(value(disk, t))} ${t}`,
        );
  };
  filesystem('node_filesystem_size_bytes', ([, size]) => size);
  filesystem(
    'node_filesystem_avail_bytes',
    ([, size, used], t) =>
      size - used - (DISK_GROWTH_PER_DAY * (t - start)) / DAY,
  );
  return lines;
}

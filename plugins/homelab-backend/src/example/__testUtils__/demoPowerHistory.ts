/**
 * The power and CPU history behind the example homelab's Capacity & Power
 * figures, as OpenMetrics lines for promtool, every five minutes over the
 * same 31 days as the SLO history. Where the numbers come from:
 *
 * - the Turing Pi 2 board is behind a Shelly plug (shelly_power_watts, the
 *   name Shelly exporters give a plug's active power). Its three RK1 modules
 *   draw what the inventory and the seed documents say, "~5 W per RK1":
 *   4 W idle plus up to 2 W with the day's load, 5 W on average; the board
 *   itself (BMC, fan, Ethernet switch) adds 1.5 W, an illustrative figure
 *   the references do not give. The cluster so draws 16.5 W on average
 *   against the seed's "~15 W";
 * - the Raspberry Pi 4B has no meter: it is estimated from the inventory's
 *   15 W peak, and nothing else has power figures;
 * - cAdvisor's container_cpu_usage_seconds_total for pods of the recorded
 *   cluster snapshots, with the node label the Prometheus Operator adds, at
 *   rates that rise and fall with the same daily load.
 */

const STEP = 300;
const DAY = 24 * 3600;

/** The day's load, 0 at 04:00 UTC and 1 at 16:00, 0.5 on average. */
const load = (t: number) =>
  0.5 - 0.5 * Math.cos((2 * Math.PI * (t - 4 * 3600)) / DAY);

const MODULE_IDLE_W = 4;
const MODULE_LOAD_W = 2;
const BOARD_OWN_W = 1.5;

/** Cores used at full load, per node, namespace and pod of the snapshots. */
const PODS: Array<
  [node: string, namespace: string, pod: string, cores: number]
> = [
  ['rk1-1', 'home-assistant', 'home-assistant-0', 0.3],
  ['rk1-1', 'nextcloud', 'nextcloud-z2bfdzmc84-zm7dx', 0.6],
  ['rk1-1', 'nextcloud', 'nextcloud-postgresql-0', 0.2],
  ['rk1-1', 'vaultwarden', 'vaultwarden-0', 0.04],
  ['rk1-1', 'monitoring', 'prometheus-kube-prometheus-stack-prometheus-0', 0.4],
  ['rk1-1', 'traefik', 'traefik-pp2xvc7ht4-28qjx', 0.1],
  ['rk1-1', 'flux-system', 'source-controller-z827gntht8-tr9pb', 0.05],
  ['rk1-2', 'traefik', 'traefik-pp2xvc7ht4-gpkh8', 0.1],
  ['rk1-2', 'longhorn-system', 'longhorn-manager-h2n2n', 0.15],
  ['rk1-2', 'kube-system', 'coredns-zt5c9dlfzj-k2rpj', 0.02],
  ['rk1-3', 'longhorn-system', 'longhorn-manager-nvljv', 0.15],
  [
    'rk1-3',
    'monitoring',
    'kube-prometheus-stack-prometheus-node-exporter-k6dvw',
    0.02,
  ],
  ['rpi-staging', 'home-assistant', 'home-assistant-0', 0.1],
  ['rpi-staging', 'nextcloud', 'nextcloud-tlk2d9qrfc-xpw4z', 0.2],
  ['rpi-staging', 'vaultwarden', 'vaultwarden-0', 0.02],
  [
    'rpi-staging',
    'monitoring',
    'prometheus-kube-prometheus-stack-prometheus-0',
    0.3,
  ],
];

/** OpenMetrics lines of the board's draw and the pods' CPU counters, from `start` to `end`. */
export function demoPowerHistory(start: number, end: number): string[] {
  const times: number[] = [];
  for (let t = start; t <= end; t += STEP) times.push(t);
  const lines = ['# TYPE shelly_power_watts gauge'];
  for (const t of times) {
    const watts = BOARD_OWN_W + 3 * (MODULE_IDLE_W + MODULE_LOAD_W * load(t));
    lines.push(
      `shelly_power_watts{device="turing-pi-2"} ${watts.toFixed(3)} ${t}`,
    );
  }
  lines.push('# TYPE container_cpu_usage_seconds counter');
  for (const [node, namespace, pod, cores] of PODS) {
    let used = 0;
    for (const t of times) {
      if (t > start) used += cores * (0.2 + 0.8 * load(t)) * STEP;
      lines.push(
        `container_cpu_usage_seconds_total{container="app",namespace="${namespace}",node="${node}",pod="${pod}"} ${used.toFixed(
          3,
        )} ${t}`,
      );
    }
  }
  return lines;
}

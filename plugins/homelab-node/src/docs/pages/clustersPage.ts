import { Cluster, osText, Storage } from '@homelab/plugin-homelab-common';
import { DocsContext } from '../docsContext';
import { counted, page, rangeText, table } from '../markdown';

/** "Class | Replicas | Use Case | Performance" rows of a cluster's storage classes. */
export function storageClassRows(classes: Storage[]) {
  return classes.map(storage => [
    `\`${storage.name}\`${storage.defaultClass ? ' (default)' : ''}`,
    storage.replicas,
    storage.useCase,
    storage.performance,
  ]);
}

function controlPlane(cluster: Cluster): string {
  const count = cluster.nodes.filter(n =>
    n.roles.includes('control-plane'),
  ).length;
  if (count === 1) return 'single control-plane node';
  return `${counted(count, 'control-plane node')}, etcd tolerates ${Math.floor(
    (count - 1) / 2,
  )} failure${Math.floor((count - 1) / 2) === 1 ? '' : 's'}`;
}

function clusterSection(
  context: DocsContext,
  cluster: Cluster,
): Array<string | undefined> {
  const { inventory } = context;
  const environment = inventory.environments.find(
    e => e.name === cluster.environment,
  );
  const facts = table(
    ['Fact', 'Value'],
    [
      [
        'Environment',
        environment ? context.titleOf(environment) : cluster.environment,
      ],
      ['Distribution', cluster.distribution],
      ['Kubernetes version', cluster.version],
      ['Operating system', osText(cluster.os)],
      ['API server', cluster.apiServer?.url],
      ['Control plane', controlPlane(cluster)],
      ['CNI', cluster.cni],
      ['Pod CIDR', cluster.podCidr],
      ['Service CIDR', cluster.serviceCidr],
      ['Domain', cluster.domain ? `\`${cluster.domain}\`` : undefined],
    ],
  );
  const nodes = table(
    ['Node', 'Device', 'Roles', 'Address'],
    cluster.nodes.map(node => {
      const device = context.device(node.device);
      return [
        node.name,
        device ? context.titleOf(device) : node.device,
        node.roles.join(', '),
        (device?.interfaces ?? [])
          .map(i => i.address)
          .filter(Boolean)
          .join(', '),
      ];
    }),
  );
  const pools = (cluster.loadBalancerPools ?? []).map(pool => [
    context.titleOf(pool),
    `${pool.type}${
      pool.mode ? ` (${pool.mode === 'l2' ? 'layer 2' : 'BGP'})` : ''
    }`,
    pool.addresses.map(rangeText).join(', '),
  ]);
  const services = (cluster.platformServices ?? []).map(service => [
    context.titleOf(service),
    service.category,
    service.namespace ? `\`${service.namespace}\`` : undefined,
    [service.chart, service.version].filter(Boolean).join(' ') || undefined,
    service.description,
  ]);
  const classes = inventory.storage.filter(
    s => s.cluster === cluster.name && s.kind === 'longhorn',
  );
  return [
    `## ${context.titleOf(cluster)}`,
    cluster.description,
    facts,
    '### Nodes',
    nodes,
    ...(pools.length
      ? ['### Load-balancer pools', table(['Pool', 'Type', 'Addresses'], pools)]
      : []),
    ...(services.length
      ? [
          '### Platform services',
          table(
            ['Service', 'Category', 'Namespace', 'Chart', 'Description'],
            services,
          ),
        ]
      : []),
    ...(classes.length
      ? [
          '### Storage classes',
          table(
            ['Class', 'Replicas', 'Use Case', 'Performance'],
            storageClassRows(classes),
          ),
        ]
      : []),
  ];
}

/** clusters.md: each cluster's facts, nodes, pools, platform services and storage classes. */
export function clustersPage(context: DocsContext): string {
  const { inventory } = context;
  return page('Clusters', [
    table(
      ['Cluster', 'Environment', 'Distribution', 'Nodes', 'CNI', 'API server'],
      inventory.clusters.map(cluster => [
        context.titleOf(cluster),
        cluster.environment,
        cluster.distribution,
        cluster.nodes.length,
        cluster.cni,
        cluster.apiServer?.url,
      ]),
    ),
    ...inventory.clusters.flatMap(cluster => clusterSection(context, cluster)),
  ]);
}

import {
  Cluster,
  Endpoint,
  osText,
  Storage,
  storageClassKinds,
  UNKNOWN,
} from '@homelab/plugin-homelab-common';
import { DocsContext } from '../docsContext';
import { counted, NOT_STATED, page, rangeText, table } from '../markdown';

/** "Class | Replicas | Use Case | Performance" rows of a cluster's storage classes. */
export function storageClassRows(classes: Storage[]) {
  return classes.map(storage => [
    `\`${storage.name}\`${storage.defaultClass ? ' (default)' : ''}`,
    storage.replicas,
    storage.useCase,
    storage.performance,
  ]);
}

/** A fact given as unknown reads "not stated"; left out, it stays empty. */
const stated = (value: string | undefined) =>
  value === UNKNOWN ? NOT_STATED : value;

/** "Flux, https://github.com/me/lab (clusters/production)", or not stated. */
function gitopsText(cluster: Cluster): string {
  const gitops = cluster.gitops;
  if (!gitops || gitops.tool === UNKNOWN) return NOT_STATED;
  if (gitops.tool === 'none') return 'none';
  const tool = gitops.tool === 'flux' ? 'Flux' : 'Argo CD';
  const where = [gitops.repository, gitops.path ? `(${gitops.path})` : '']
    .filter(Boolean)
    .join(' ');
  return where ? `${tool}, ${where}` : tool;
}

/** "https://grafana.lab (ingress)", "192.168.1.50:80/tcp, :443 (load-balancer)". */
function endpointText(endpoint: Endpoint): string {
  const ports = (endpoint.ports ?? []).map(
    p =>
      `${p.port}${p.protocol === 'udp' ? '/udp' : ''}${
        p.nodePort ? ` (NodePort ${p.nodePort})` : ''
      }`,
  );
  let at: string | undefined;
  if (endpoint.address)
    at = `${endpoint.address}${ports.length ? `:${ports.join(', ')}` : ''}`;
  else if (ports.length) at = `port ${ports.join(', ')}`;
  const where = [endpoint.url, at].filter(Boolean);
  return `${endpoint.name ? `${endpoint.name}: ` : ''}${where.join(' ')}${
    endpoint.exposure ? ` (${endpoint.exposure})` : ''
  }`;
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
      ['Distribution', stated(cluster.distribution)],
      ['Kubernetes version', cluster.version],
      ['Operating system', osText(cluster.os)],
      ['API server', cluster.apiServer?.url],
      ['Control plane', controlPlane(cluster)],
      ['Container runtime', cluster.containerRuntime],
      ['CNI', cluster.cni],
      ['GitOps', gitopsText(cluster)],
      ['Pod CIDR', cluster.podCidr],
      ['Service CIDR', cluster.serviceCidr],
      ['Domain', cluster.domain ? `\`${cluster.domain}\`` : undefined],
    ],
  );
  const podCidrs = cluster.nodes.some(node => node.podCidr);
  const nodes = table(
    ['Node', 'Device', 'Roles', 'Address', ...(podCidrs ? ['Pod CIDR'] : [])],
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
        ...(podCidrs ? [node.podCidr] : []),
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
  const platformServices = cluster.platformServices ?? [];
  const withStatus = platformServices.some(s => s.status !== 'active');
  const withEndpoints = platformServices.some(s => s.endpoints?.length);
  const services = platformServices.map(service => [
    context.titleOf(service),
    ...(withStatus ? [service.status] : []),
    service.category,
    service.namespace ? `\`${service.namespace}\`` : undefined,
    [service.chart, service.version].filter(Boolean).join(' ') || undefined,
    ...(withEndpoints
      ? [(service.endpoints ?? []).map(endpointText).join('; ')]
      : []),
    service.description,
  ]);
  const classes = inventory.storage.filter(
    s =>
      s.cluster === cluster.name &&
      s.status !== 'retired' &&
      storageClassKinds.includes(s.kind),
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
            [
              'Service',
              ...(withStatus ? ['Status'] : []),
              'Category',
              'Namespace',
              'Chart',
              ...(withEndpoints ? ['Endpoints'] : []),
              'Description',
            ],
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
  if (!inventory.clusters.length)
    return page('Clusters', ['The inventory states no clusters.']);
  return page('Clusters', [
    table(
      ['Cluster', 'Environment', 'Distribution', 'Nodes', 'CNI', 'API server'],
      inventory.clusters.map(cluster => [
        context.titleOf(cluster),
        cluster.environment,
        stated(cluster.distribution),
        cluster.nodes.length,
        cluster.cni,
        cluster.apiServer?.url,
      ]),
    ),
    ...inventory.clusters.flatMap(cluster => clusterSection(context, cluster)),
  ]);
}

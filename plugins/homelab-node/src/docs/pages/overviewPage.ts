import { DocsContext } from '../docsContext';
import { amountText, decimalText } from '@homelab/plugin-homelab-common';
import { hardwareTotals } from '../hardwareTotals';
import { externalServicesSection } from '../operationsTables';
import { counted, label, mermaid, nodeId, page, table } from '../markdown';

/** The physical estate: uplinks, cabling, boards and their modules, VM hosts, and which cluster each machine serves. */
function physicalTopology(context: DocsContext): string {
  const { inventory } = context;
  const lines = ['flowchart TB', '  internet((Internet))'];
  const dev = (name: string) => nodeId('dev', name);
  const active = inventory.devices.filter(d => d.status !== 'retired');
  const modules = new Map<string, string[]>();
  for (const device of active) {
    if (device.slot) {
      modules.set(device.slot.board, [
        ...(modules.get(device.slot.board) ?? []),
        device.name,
      ]);
    }
  }
  const node = (name: string) => {
    const device = context.device(name)!;
    return `${dev(name)}[${label(
      context.titleOf(device),
      device.model &&
        !context
          .titleOf(device)
          .toLocaleLowerCase('en-US')
          .includes(device.model.toLocaleLowerCase('en-US'))
        ? device.model
        : undefined,
    )}]`;
  };
  for (const device of active) {
    if (device.slot) continue;
    const slotted = modules.get(device.name);
    if (slotted) {
      lines.push(
        `  subgraph ${dev(device.name)}[${label(context.titleOf(device))}]`,
      );
      for (const module of slotted) lines.push(`    ${node(module)}`);
      lines.push('  end');
    } else {
      lines.push(`  ${node(device.name)}`);
    }
  }
  const drawn = new Set<string>();
  for (const wan of inventory.wan) {
    const entry = wan.via ?? wan.router;
    lines.push(`  internet ---|${label(context.titleOf(wan))}| ${dev(entry)}`);
    if (wan.via) {
      drawn.add([wan.via, wan.router].sort().join(' '));
      lines.push(`  ${dev(wan.via)} --- ${dev(wan.router)}`);
    }
  }
  for (const device of active) {
    for (const link of device.links ?? []) {
      const key = [device.name, link.device].sort().join(' ');
      if (drawn.has(key)) continue;
      drawn.add(key);
      const speed = link.speedGbps
        ? `${decimalText(link.speedGbps)} Gb`
        : undefined;
      lines.push(
        `  ${dev(link.device)} ---${speed ? `|${label(speed)}|` : ''} ${dev(
          device.name,
        )}`,
      );
    }
    if (device.host)
      lines.push(
        `  ${dev(device.host)} -.->|${label('VM')}| ${dev(device.name)}`,
      );
  }
  for (const cluster of inventory.clusters) {
    const id = nodeId('cluster', cluster.name);
    lines.push(
      `  ${id}([${label(
        context.titleOf(cluster),
        cluster.distribution === 'unknown' ? undefined : cluster.distribution,
      )}])`,
    );
    for (const clusterNode of cluster.nodes) {
      lines.push(`  ${dev(clusterNode.device)} -.-> ${id}`);
    }
  }
  return mermaid(lines);
}

/** index.md: what the site is, what it adds up to, and the physical topology. */
export function overviewPage(context: DocsContext): string {
  const { inventory } = context;
  const { site } = inventory;
  const inService = inventory.devices.filter(d => d.status === 'active');
  const machines = inService.filter(d => d.kind !== 'virtual-machine');
  const totals = hardwareTotals(machines);
  const vms = hardwareTotals(
    inService.filter(d => d.kind === 'virtual-machine'),
  );
  const nodes = inventory.clusters.reduce((n, c) => n + c.nodes.length, 0);
  const gb = (n: number) => `${decimalText(n)}GB`;
  const machineFacts = [
    counted(machines.length, 'device'),
    totals.cores
      ? `${totals.cores} cores${
          totals.withoutCores
            ? ` (${counted(totals.withoutCores, 'device')} not stated)`
            : ''
        }`
      : undefined,
    totals.memoryGB.max
      ? `${amountText(totals.memoryGB, gb)} of memory`
      : undefined,
  ];
  const vmFacts = [
    counted(vms.devices, 'virtual machine'),
    vms.vcpus.max ? `${amountText(vms.vcpus)} vCPUs` : undefined,
    vms.memoryGB.max ? `${amountText(vms.memoryGB, gb)} of memory` : undefined,
  ];
  return page(`${context.titleOf(site)} architecture`, [
    site.description,
    table(
      ['Fact', 'Value'],
      [
        ['Owner', site.owner],
        ...(site.location ? [['Location', site.location]] : []),
        ...(inventory.environments.length
          ? [
              [
                'Environments',
                inventory.environments.map(e => context.titleOf(e)).join(', '),
              ],
            ]
          : []),
        ...(inventory.clusters.length
          ? [
              [
                'Clusters',
                `${inventory.clusters
                  .map(c => context.titleOf(c))
                  .join(', ')} (${counted(nodes, 'node')})`,
              ],
            ]
          : []),
        ['Machines', machineFacts.filter(Boolean).join(', ')],
        ...(vms.devices
          ? [['Virtual machines', vmFacts.filter(Boolean).join(', ')]]
          : []),
        ['Networks', counted(inventory.networks.length, 'network')],
        [
          'Storage',
          counted(
            inventory.storage.length,
            'pool, share or class',
            'pools, shares and classes',
          ),
        ],
      ],
    ),
    ...externalServicesSection(context),
    '## Physical topology',
    physicalTopology(context),
    '## Pages',
    [
      "- [Hardware](hardware.md): each cluster's hardware, totals, every device",
      '- [Network](network.md): VLANs, Wi-Fi, uplinks, load-balancer pools, IP allocations',
      '- [Clusters](clusters.md): nodes, platform services, storage classes',
      '- [Storage](storage.md): pools, shares and storage classes',
      '- [Environments](environments.md): promotion and the GitOps flow',
      '- [Failure domains](failure-domains.md): what goes down with each machine, network and storage',
    ].join('\n'),
  ]);
}

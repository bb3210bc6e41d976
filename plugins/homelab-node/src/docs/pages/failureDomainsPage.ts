import {
  BlastRadius,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import { BlastRadiusEstate } from '../../blastRadius/BlastRadiusEstate';
import { inventoryToEntities } from '../../entities/inventoryToEntities';
import { DocsContext } from '../docsContext';
import { page, table } from '../markdown';

const titles = (items: Array<{ title: string }>) =>
  items.map(item => item.title).join(', ');

/** A cluster's verdicts, like "Production: loses its control plane". */
const clusterVerdicts = (radius: BlastRadius) =>
  radius.clusters.map(c => `${c.cluster}: ${c.summary}`).join('; ');

const lostReplicas = (radius: BlastRadius) =>
  titles(radius.storageClasses.filter(c => c.lastReplica === 'lost'));

/** What goes down with each resource of some types, leaving out those that take nothing with them. */
function radiiOf(
  estate: BlastRadiusEstate,
  refs: string[],
): Array<{ radius: BlastRadius; others: BlastRadius['down'] }> {
  return refs
    .map(ref => estate.radiusOf(ref, 'failure')!)
    .map(radius => ({
      radius,
      others: radius.down.filter(d => d.entityRef !== radius.subject.entityRef),
    }))
    .filter(
      ({ radius, others }) =>
        others.length || radius.cutOff.length || radius.clusters.length,
    );
}

/**
 * failure-domains.md: what goes down with each machine, network and storage,
 * from the inventory's relations alone (the blast radius the portal works
 * out, without the clusters' pod placement): what it carries, the machines
 * whose only path to a router runs through it, and what each cluster keeps
 * of its nodes, control plane and etcd.
 */
export function failureDomainsPage(context: DocsContext): string {
  const resources = inventoryToEntities(context.inventory, {
    origins: new WeakMap(),
  }).filter(entity => entity.kind === 'Resource');
  const estate = new BlastRadiusEstate(resources);
  const refsOf = (...types: string[]) =>
    resources
      .filter(entity => types.includes(String(entity.spec?.type)))
      .map(entity => `resource:default/${entity.metadata.name}`);
  const machines = radiiOf(
    estate,
    refsOf(
      HOMELAB_RESOURCE_TYPES.device,
      HOMELAB_RESOURCE_TYPES.virtualMachine,
    ),
  );
  const networks = radiiOf(estate, refsOf(HOMELAB_RESOURCE_TYPES.network));
  const storage = radiiOf(estate, refsOf(HOMELAB_RESOURCE_TYPES.storage));
  const single = machines.filter(({ radius }) =>
    radius.clusters.some(
      c =>
        !c.controlPlane.kept ||
        c.etcd?.quorumKept === false ||
        c.nodes.lost === c.nodes.total,
    ),
  );
  return page('Failure domains', [
    'What goes down with each machine, network and storage, worked out from the relations the inventory states: ' +
      'what it carries (modules in their board, virtual machines on their host, storage on its device and what that ' +
      'storage backs), the machines whose only path to a router runs through it, and what each cluster keeps of its ' +
      "nodes, control plane and etcd. Which apps stop depends on where their pods run: the portal's Blast radius " +
      'card works that out from the clusters.',
    ...(single.length
      ? [
          '## Single points of failure',
          'Machines whose failure alone loses a cluster its control plane, its etcd quorum or all its nodes.',
          table(
            ['Machine', 'Clusters'],
            single.map(({ radius }) => [
              radius.subject.title,
              clusterVerdicts(radius),
            ]),
          ),
        ]
      : []),
    ...(machines.length
      ? [
          '## Machines',
          table(
            [
              'Machine',
              'Goes down with it',
              'Cut off',
              'Clusters',
              'Longhorn classes that may lose a volume',
            ],
            machines.map(({ radius, others }) => [
              radius.subject.title,
              titles(others),
              titles(radius.cutOff),
              clusterVerdicts(radius),
              lostReplicas(radius),
            ]),
          ),
        ]
      : ['Nothing in the inventory goes down with another machine.']),
    ...(networks.length
      ? [
          '## Networks',
          table(
            ['Network', 'Machines with no other network', 'Clusters'],
            networks.map(({ radius }) => [
              radius.subject.title,
              titles(radius.cutOff),
              clusterVerdicts(radius),
            ]),
          ),
        ]
      : []),
    ...(storage.length
      ? [
          '## Storage',
          table(
            ['Storage', 'Goes down with it'],
            storage.map(({ radius, others }) => [
              radius.subject.title,
              titles(others),
            ]),
          ),
        ]
      : []),
  ]);
}

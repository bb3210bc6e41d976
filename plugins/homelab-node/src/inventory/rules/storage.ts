import { StorageKind } from '@homelab/plugin-homelab-common';
import { RuleContext } from './context';

const CLUSTER_STORAGE: StorageKind[] = ['longhorn', 'local-path'];

/** What each kind of storage needs, and whether Longhorn can place its replicas. */
export function checkStorage(context: RuleContext) {
  for (const storage of context.inventory.storage) {
    if (CLUSTER_STORAGE.includes(storage.kind)) {
      if (!storage.cluster) {
        context.error(
          storage,
          [],
          'storage-needs-cluster',
          `${storage.kind} storage is a class of a cluster; add "cluster"`,
        );
      }
    } else if (!storage.device && !storage.backedBy) {
      context.error(
        storage,
        [],
        'storage-needs-device',
        `${storage.kind} storage is served by a device; add "device" (or "backedBy" for storage built on other storage)`,
      );
    }
    if (storage.replicas !== undefined && storage.kind !== 'longhorn') {
      context.error(
        storage,
        ['replicas'],
        'field-not-for-kind',
        `"replicas" is for Longhorn; this is ${storage.kind}`,
      );
    }

    const cluster = storage.cluster
      ? context.index.clusters.get(storage.cluster)
      : undefined;
    if (
      storage.kind === 'longhorn' &&
      cluster &&
      storage.replicas !== undefined
    ) {
      const storageNodes = cluster.nodes.filter(node =>
        node.roles.includes('storage'),
      ).length;
      const candidates = storageNodes > 0 ? storageNodes : cluster.nodes.length;
      if (storage.replicas > candidates) {
        context.warning(
          storage,
          ['replicas'],
          'replicas-exceed-nodes',
          `${storage.replicas} replicas need ${storage.replicas} nodes, but cluster "${cluster.name}" has ${candidates} that can hold them; volumes would stay degraded`,
        );
      }
    }
  }

  const defaults = new Map<string, string>();
  for (const storage of context.inventory.storage) {
    if (!storage.defaultClass || !storage.cluster) continue;
    const other = defaults.get(storage.cluster);
    if (other) {
      context.error(
        storage,
        ['defaultClass'],
        'two-default-classes',
        `cluster "${storage.cluster}" already has "${other}" as its default storage class`,
      );
    } else {
      defaults.set(storage.cluster, storage.name);
    }
  }
}

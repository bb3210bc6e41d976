import {
  Storage,
  StorageKind,
  storageClassKinds,
  storageServiceKinds,
} from '@homelab/plugin-homelab-common';
import { RuleContext } from './context';

/** Storage a device serves: pools, volume groups, directories and shares. */
const DEVICE_STORAGE: StorageKind[] = [
  'zfs-pool',
  'lvm',
  'lvm-thin',
  'directory',
  'nfs',
  'smb',
];

/** Whether the storage is a storage class of a cluster, which alone may be its default. */
function isStorageClass(storage: Storage): boolean {
  return (
    (storageClassKinds.includes(storage.kind) && !!storage.cluster) ||
    ((storage.kind === 'nfs' || storage.kind === 'smb') && !!storage.cluster)
  );
}

/** Where each kind of storage lives: a cluster, a device, or either. */
function checkPlacement(context: RuleContext, storage: Storage) {
  const { kind } = storage;
  if (kind === 'longhorn' || kind === 'local-path') {
    if (!storage.cluster) {
      context.error(
        storage,
        [],
        'storage-needs-cluster',
        `${kind} storage is a class of a cluster; add "cluster"`,
      );
    }
  } else if (DEVICE_STORAGE.includes(kind)) {
    if (!storage.device && !storage.backedBy) {
      context.error(
        storage,
        [],
        'storage-needs-device',
        `${kind} storage is served by a device; add "device" (or "backedBy" for storage built on other storage)`,
      );
    }
  } else if (!storage.device && !storage.cluster && !storage.backedBy) {
    context.error(
      storage,
      [],
      'storage-needs-device',
      `${
        storageServiceKinds.includes(kind)
          ? `a ${kind} service`
          : `${kind} storage`
      } is served by a device or runs in a cluster; add "device" or "cluster"`,
    );
  }
  if (storage.namespace && !storage.cluster) {
    context.error(
      storage,
      ['namespace'],
      'field-not-for-kind',
      '"namespace" is for storage that runs in a cluster; add "cluster"',
    );
  }
}

/** What each kind of storage needs and allows, and whether Longhorn can place its replicas. */
export function checkStorage(context: RuleContext) {
  for (const storage of context.inventory.storage) {
    checkPlacement(context, storage);
    if (storage.replicas !== undefined && storage.kind !== 'longhorn') {
      context.error(
        storage,
        ['replicas'],
        'field-not-for-kind',
        `"replicas" is for Longhorn; this is ${storage.kind}`,
      );
    }
    if (storage.defaultClass !== undefined && !isStorageClass(storage)) {
      context.error(
        storage,
        ['defaultClass'],
        'field-not-for-kind',
        `"defaultClass" is for storage classes of a cluster (Longhorn, local-path, Ceph, or a share with "cluster"); ${
          storage.kind
        } storage${storage.cluster ? '' : ' without "cluster"'} is not one`,
      );
    }
    checkReplicas(context, storage);
  }
  checkDefaultClasses(context);
}

function checkReplicas(context: RuleContext, storage: Storage) {
  const cluster = storage.cluster
    ? context.index.clusters.get(storage.cluster)
    : undefined;
  if (storage.kind !== 'longhorn' || !cluster || storage.replicas === undefined)
    return;
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

function checkDefaultClasses(context: RuleContext) {
  const defaults = new Map<string, string>();
  for (const storage of context.inventory.storage) {
    if (!storage.defaultClass || !storage.cluster || !isStorageClass(storage))
      continue;
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

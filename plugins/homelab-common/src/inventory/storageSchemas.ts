import { z } from 'zod';
import { diskSchema } from './deviceSchemas';
import {
  amount,
  description,
  inventoryName,
  owner,
  reference,
  status,
  tags,
  title,
} from './primitives';

/**
 * The kinds of storage an inventory knows.
 *
 * @public
 */
export const storageKinds = [
  'zfs-pool',
  'lvm',
  'lvm-thin',
  'directory',
  'ceph',
  'longhorn',
  'local-path',
  'nfs',
  'smb',
  's3',
  'database',
] as const;

/**
 * Storage kinds that are a storage class of a cluster: they name `cluster`
 * and may be its default class.
 *
 * @public
 */
export const storageClassKinds: ReadonlyArray<StorageKind> = [
  'longhorn',
  'local-path',
  'ceph',
];

/**
 * Storage kinds that are a service, served by a device or run in a cluster
 * (an in-cluster database or object store is not a storage class).
 *
 * @public
 */
export const storageServiceKinds: ReadonlyArray<StorageKind> = [
  's3',
  'database',
];

/**
 * Schema of an item of `storage`.
 *
 * @public
 */
export const storageSchema = z
  .object({
    name: inventoryName.describe('Name of the storage, like "longhorn-fast".'),
    title: title.optional(),
    description: description.optional(),
    status: status('storage'),
    kind: z
      .enum(storageKinds)
      .describe(
        'What sort of storage this is: a pool or volume group of a device (zfs-pool, lvm, lvm-thin, directory), a share (nfs, smb), a storage class of a cluster (longhorn, local-path, ceph), or a service (s3 object store, database) served by a device or running in a cluster.',
      ),
    device: reference('the device that serves this storage')
      .optional()
      .describe(
        'The device that serves it (pools, volume groups, directories, shares, and services outside a cluster).',
      ),
    cluster: reference('the cluster that provides this storage')
      .optional()
      .describe(
        'The cluster whose storage class this is (Longhorn, local-path, Ceph), or in which a database or object store runs.',
      ),
    namespace: z
      .string()
      .min(1)
      .optional()
      .describe('For a database or object store in a cluster: its namespace.'),
    backedBy: reference('the storage this one is built on')
      .optional()
      .describe(
        'The storage this one lives on, like an NFS share on a ZFS pool.',
      ),
    disks: diskSchema
      .optional()
      .describe('For pools and volume groups: the member disks.'),
    layout: z
      .string()
      .optional()
      .describe('For pools: redundancy layout, like "raidz1".'),
    usableTB: amount('TB')
      .optional()
      .describe('Usable capacity in TB, or a planned range.'),
    replicas: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('For Longhorn: number of replicas of each volume.'),
    defaultClass: z
      .boolean()
      .optional()
      .describe(
        "For storage classes only: whether it is the cluster's default class.",
      ),
    useCase: z.string().optional().describe('What it is used for.'),
    performance: z
      .string()
      .optional()
      .describe('Performance profile, in words.'),
    endpoint: z
      .url()
      .optional()
      .describe('For S3 and databases: where clients connect.'),
    path: z
      .string()
      .optional()
      .describe(
        'For NFS and SMB: the exported path; for directories: the path.',
      ),
    engine: z
      .string()
      .optional()
      .describe('For databases: the engine, like "mariadb" or "postgresql".'),
    owner: owner.optional(),
    tags: tags.optional(),
  })
  .strict();

/**
 * One of {@link storageKinds}.
 *
 * @public
 */
export type StorageKind = (typeof storageKinds)[number];

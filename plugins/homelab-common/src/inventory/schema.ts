import { z } from 'zod';
import {
  clusterNodeSchema,
  clusterSchema,
  endpointSchema,
  gitopsSchema,
  loadBalancerPoolSchema,
  nodeRoles,
  platformServiceSchema,
} from './clusterSchemas';
import { deviceSchema, diskSchema, interfaceSchema } from './deviceSchemas';
import { networkSchema, wanLinkSchema } from './networkSchemas';
import {
  backupJobSchema,
  externalServiceSchema,
  recoveryObjectiveSchema,
  retentionSchema,
  targetSchema,
} from './operationsSchemas';
import { addressRange, quantityRange } from './primitives';
import { environmentSchema, siteSchema } from './siteSchemas';
import { storageSchema } from './storageSchemas';

export {
  UNKNOWN,
  inventoryName,
  ipAddress,
  cidr,
  addressRange,
  quantityRange,
  duration,
  lifecycleStatuses,
} from './primitives';
export type { LifecycleStatus } from './primitives';
export * from './siteSchemas';
export * from './networkSchemas';
export * from './deviceSchemas';
export * from './clusterSchemas';
export * from './storageSchemas';
export * from './operationsSchemas';

/**
 * The homelab inventory file format, version homelab.dev/v1alpha2.
 *
 * An inventory is one YAML file or a folder of them. Every file declares the
 * apiVersion and kind and any subset of the sections below; the sections of all
 * files are concatenated, and `site` must appear in exactly one file. This
 * schema checks the shape of each file; rules that span items (references,
 * address plans, uniqueness) live in the validator of
 * `@homelab/plugin-homelab-node`. Files of the previous version,
 * {@link LEGACY_INVENTORY_API_VERSION}, are read too: the validator converts
 * them to this version as it reads them.
 *
 * @public
 */
export const INVENTORY_API_VERSION = 'homelab.dev/v1alpha2';
/**
 * The previous version of the format, still read and converted.
 *
 * @public
 */
export const LEGACY_INVENTORY_API_VERSION = 'homelab.dev/v1alpha1';
/**
 * The `kind` every inventory file declares.
 *
 * @public
 */
export const INVENTORY_KIND = 'Inventory';

/**
 * The list sections of an inventory, in the order files present them.
 *
 * @public
 */
export const inventoryListSections = [
  'environments',
  'networks',
  'wan',
  'devices',
  'clusters',
  'storage',
  'backups',
  'recoveryObjectives',
  'externalServices',
] as const;

/**
 * Schema of one inventory file.
 *
 * @public
 */
export const inventoryFileSchema = z
  .object({
    apiVersion: z.literal(INVENTORY_API_VERSION, {
      error: `must be "${INVENTORY_API_VERSION}"`,
    }),
    kind: z.literal(INVENTORY_KIND, { error: `must be "${INVENTORY_KIND}"` }),
    site: siteSchema.optional(),
    environments: z.array(environmentSchema).optional(),
    networks: z.array(networkSchema).optional(),
    wan: z.array(wanLinkSchema).optional().describe('Internet uplinks.'),
    devices: z.array(deviceSchema).optional(),
    clusters: z.array(clusterSchema).optional(),
    storage: z.array(storageSchema).optional(),
    backups: z
      .array(backupJobSchema)
      .optional()
      .describe('Backup, snapshot and replication jobs.'),
    recoveryObjectives: z
      .array(recoveryObjectiveSchema)
      .optional()
      .describe('RPO and RTO targets of apps, clusters and storage.'),
    externalServices: z
      .array(externalServiceSchema)
      .optional()
      .describe(
        'Services outside the homelab it relies on: DNS, ACME, tunnels, object storage, notifications.',
      ),
  })
  .strict()
  .describe(
    'One file of a homelab inventory. Sections from all files of an inventory are combined.',
  );

/**
 * One parsed inventory file.
 *
 * @public
 */
export type InventoryFile = z.output<typeof inventoryFileSchema>;
/**
 * The homelab site.
 *
 * @public
 */
export type Site = z.output<typeof siteSchema>;
/**
 * An environment, like staging or production.
 *
 * @public
 */
export type Environment = z.output<typeof environmentSchema>;
/**
 * A network, usually a VLAN.
 *
 * @public
 */
export type Network = z.output<typeof networkSchema>;
/**
 * An internet uplink.
 *
 * @public
 */
export type WanLink = z.output<typeof wanLinkSchema>;
/**
 * A device: hardware, or a virtual machine.
 *
 * @public
 */
export type Device = z.output<typeof deviceSchema>;
/**
 * A network interface of a device.
 *
 * @public
 */
export type NetworkInterface = z.output<typeof interfaceSchema>;
/**
 * A disk, or a set of identical disks.
 *
 * @public
 */
export type Disk = z.output<typeof diskSchema>;
/**
 * A Kubernetes cluster.
 *
 * @public
 */
export type Cluster = z.output<typeof clusterSchema>;
/**
 * How a cluster is reconciled from Git.
 *
 * @public
 */
export type Gitops = z.output<typeof gitopsSchema>;
/**
 * A node of a Kubernetes cluster.
 *
 * @public
 */
export type ClusterNode = z.output<typeof clusterNodeSchema>;
/**
 * One of {@link nodeRoles}.
 *
 * @public
 */
export type NodeRole = (typeof nodeRoles)[number];
/**
 * A load-balancer address pool of a cluster.
 *
 * @public
 */
export type LoadBalancerPool = z.output<typeof loadBalancerPoolSchema>;
/**
 * A platform service running in a cluster.
 *
 * @public
 */
export type PlatformService = z.output<typeof platformServiceSchema>;
/**
 * One way to reach a service.
 *
 * @public
 */
export type Endpoint = z.output<typeof endpointSchema>;
/**
 * A storage pool, class, share, bucket or database.
 *
 * @public
 */
export type Storage = z.output<typeof storageSchema>;
/**
 * A backup, snapshot or replication job.
 *
 * @public
 */
export type BackupJob = z.output<typeof backupJobSchema>;
/**
 * How long a backup job keeps its copies.
 *
 * @public
 */
export type Retention = z.output<typeof retentionSchema>;
/**
 * RPO and RTO targets of some apps, clusters or storage.
 *
 * @public
 */
export type RecoveryObjective = z.output<typeof recoveryObjectiveSchema>;
/**
 * A service outside the homelab that it relies on.
 *
 * @public
 */
export type ExternalService = z.output<typeof externalServiceSchema>;
/**
 * What a backup, objective or external service is about.
 *
 * @public
 */
export type Target = z.output<typeof targetSchema>;
/**
 * A first and last address, both included.
 *
 * @public
 */
export type AddressRange = z.output<typeof addressRange>;
/**
 * A min/max range of a quantity.
 *
 * @public
 */
export type QuantityRange = z.output<typeof quantityRange>;
/**
 * A number, or a min/max range of it.
 *
 * @public
 */
export type Amount = number | QuantityRange;

/**
 * A whole inventory: the sections of all its files combined.
 *
 * @public
 */
export interface Inventory {
  /** The site, from the one file that defines it. */
  site: Site;
  /** Environments of all files. */
  environments: Environment[];
  /** Networks of all files. */
  networks: Network[];
  /** Internet uplinks of all files. */
  wan: WanLink[];
  /** Devices of all files. */
  devices: Device[];
  /** Clusters of all files. */
  clusters: Cluster[];
  /** Storage of all files. */
  storage: Storage[];
  /** Backup jobs of all files. */
  backups: BackupJob[];
  /** Recovery objectives of all files. */
  recoveryObjectives: RecoveryObjective[];
  /** External services of all files. */
  externalServices: ExternalService[];
}

/**
 * The name of a list section of an inventory.
 *
 * @public
 */
export type InventoryListSection = (typeof inventoryListSections)[number];

/**
 * The schema of the items of each list section.
 *
 * @public
 */
export const inventorySectionSchemas = {
  environments: environmentSchema,
  networks: networkSchema,
  wan: wanLinkSchema,
  devices: deviceSchema,
  clusters: clusterSchema,
  storage: storageSchema,
  backups: backupJobSchema,
  recoveryObjectives: recoveryObjectiveSchema,
  externalServices: externalServiceSchema,
} as const satisfies Record<InventoryListSection, z.ZodType>;

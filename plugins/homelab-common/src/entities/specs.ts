import { z } from 'zod';
import {
  addressRange,
  backupJobSchema,
  environmentSchema,
  clusterNodeSchema,
  clusterSchema,
  deviceSchema,
  duration,
  externalServiceSchema,
  loadBalancerPoolSchema,
  networkSchema,
  platformServiceSchema,
  storageSchema,
  wanLinkSchema,
} from '../inventory/schema';
import {
  ENVIRONMENT_SYSTEM_TYPE,
  HOMELAB_RESOURCE_TYPES,
  PLATFORM_SERVICE_COMPONENT_TYPE,
} from './model';
import { liveGuestFactsSchema } from './liveGuestFacts';
import { liveHostFactsSchema } from './liveHostFacts';

/**
 * Schemas of `spec.homelab` per entity type. The facts are the inventory
 * item's own fields without its identity (name, title, description, owner,
 * tags, which live in metadata and spec); relations are full entity refs.
 */

const entityRef = z
  .string()
  .regex(/^[a-z]+:(?:[a-z0-9-_.]+\/)?[a-zA-Z0-9-_.]+$/, {
    error: 'must be a full entity ref like "resource:default/rk1-1"',
  });

/** Relations the catalog module turns into catalog relations, both ways. */
const relationFields = {
  hostedOn: entityRef.optional(),
  connectedTo: z.array(entityRef).optional(),
  partOf: z.array(entityRef).optional(),
  promotesTo: entityRef.optional(),
};

/**
 * The recovery objectives that apply to an item: the strictest RPO and RTO
 * of them, and their names.
 */
const recoveryField = {
  recovery: z
    .object({
      rpo: duration.optional(),
      rto: duration.optional(),
      objectives: z.array(z.string()),
    })
    .strict()
    .optional(),
};

/** Fields that live in the entity's metadata and spec rather than in spec.homelab. */
const identity = {
  name: true,
  title: true,
  description: true,
  owner: true,
  tags: true,
} as const;
const { tags: _tags, ...identityWithoutTags } = identity;

/**
 * Facts observed on a live cluster node, merged by discovery.
 *
 * @public
 */
export const liveNodeFactsSchema = z
  .object({
    observedAt: z.iso
      .datetime()
      .describe('When the facts were read from the cluster.'),
    stale: z
      .boolean()
      .describe(
        'The last read of the cluster failed; these facts are from observedAt.',
      ),
    error: z.string().optional().describe('Why the last read failed.'),
    kubeletVersion: z.string().optional(),
    osImage: z.string().optional(),
    kernelVersion: z.string().optional(),
    containerRuntime: z.string().optional(),
    architecture: z.string().optional(),
    capacity: z
      .object({
        cpu: z.string().optional(),
        memory: z.string().optional(),
        pods: z.string().optional(),
      })
      .optional(),
    ready: z.enum(['True', 'False', 'Unknown']),
    internalIP: z.string().optional(),
  })
  .strict();

/**
 * Facts of a live cluster node, merged into the catalog by discovery.
 *
 * @public
 */
export type LiveNodeFacts = z.output<typeof liveNodeFactsSchema>;

/**
 * How a node entity relates to the inventory and the live cluster.
 *
 * @public
 */
export const nodePresence = [
  'in-inventory-and-cluster',
  'inventory-only',
  'cluster-only',
  'not-checked',
] as const;

/**
 * Where a live source (Proxmox VE, NetBox) and the inventory disagree about
 * this item, in words, as of the last refresh.
 */
const sourceDriftField = {
  drift: z
    .array(z.string())
    .optional()
    .describe(
      'Where a live source (Proxmox VE, NetBox) and the inventory disagree about it.',
    ),
};

/** A device's facts: placement (slot, host, cables) becomes relations instead. */
const deviceFacts = deviceSchema.omit({
  ...identity,
  links: true,
  slot: true,
  host: true,
  environment: true,
});

/**
 * The schema of `spec.homelab` for each homelab entity type.
 *
 * @public
 */
export const homelabSpecSchemas = {
  [ENVIRONMENT_SYSTEM_TYPE]: environmentSchema
    .omit({ ...identityWithoutTags, promotesTo: true })
    .extend(relationFields)
    .strict(),
  [HOMELAB_RESOURCE_TYPES.device]: deviceFacts
    .extend({
      slot: z
        .object({ board: entityRef, number: z.number().int().positive() })
        .optional(),
      ...relationFields,
      ...recoveryField,
      ...sourceDriftField,
      live: liveHostFactsSchema.optional(),
    })
    .strict(),
  [HOMELAB_RESOURCE_TYPES.virtualMachine]: deviceFacts
    .extend({
      ...relationFields,
      ...recoveryField,
      ...sourceDriftField,
      live: liveGuestFactsSchema.optional(),
    })
    .strict(),
  [HOMELAB_RESOURCE_TYPES.network]: z.discriminatedUnion('kind', [
    networkSchema
      .omit(identity)
      .extend({
        kind: z.literal('vlan'),
        ...relationFields,
        ...sourceDriftField,
      })
      .strict(),
    wanLinkSchema
      .omit({ ...identityWithoutTags, router: true, via: true })
      .extend({ kind: z.literal('wan'), ...relationFields })
      .strict(),
  ]),
  [HOMELAB_RESOURCE_TYPES.cluster]: clusterSchema
    .omit({
      ...identity,
      nodes: true,
      loadBalancerPools: true,
      platformServices: true,
      apiServer: true,
    })
    .extend({
      apiServerUrl: z.string().optional(),
      controlPlaneNodes: z.number().int().nonnegative(),
      nodeCount: z.number().int().nonnegative(),
      ...relationFields,
      ...recoveryField,
    })
    .strict(),
  [HOMELAB_RESOURCE_TYPES.node]: clusterNodeSchema
    .omit({ name: true })
    .extend({
      device: clusterNodeSchema.shape.device.optional(),
      roles: z.array(clusterNodeSchema.shape.roles.element),
      cluster: z.string(),
      nodeName: z.string(),
      presence: z.enum(nodePresence),
      live: liveNodeFactsSchema.optional(),
      drift: z.array(z.string()).optional(),
      ...relationFields,
    })
    .strict(),
  [HOMELAB_RESOURCE_TYPES.ipPool]: loadBalancerPoolSchema
    .omit({ name: true, title: true, description: true })
    .extend({
      cluster: z.string(),
      addresses: z.array(addressRange),
      size: z.number().int().nonnegative(),
      ...relationFields,
    })
    .strict(),
  [HOMELAB_RESOURCE_TYPES.storage]: storageSchema
    .omit(identity)
    .extend({ ...relationFields, ...recoveryField })
    .strict(),
  [HOMELAB_RESOURCE_TYPES.backupJob]: backupJobSchema
    .omit(identity)
    .extend(relationFields)
    .strict(),
  [HOMELAB_RESOURCE_TYPES.externalService]: externalServiceSchema
    .omit(identity)
    .extend({ ...relationFields, ...recoveryField })
    .strict(),
  [PLATFORM_SERVICE_COMPONENT_TYPE]: platformServiceSchema
    .omit(identityWithoutTags)
    .extend({ cluster: z.string(), ...relationFields, ...recoveryField })
    .strict(),
} as const;

/**
 * A `spec.type` that has a homelab schema.
 *
 * @public
 */
export type HomelabSpecType = keyof typeof homelabSpecSchemas;

/**
 * The `spec.homelab` of a homelab entity of the given type.
 *
 * @public
 */
export type HomelabSpec<T extends HomelabSpecType> = z.output<
  (typeof homelabSpecSchemas)[T]
>;

/**
 * Whether a `spec.type` is one of the homelab types.
 *
 * @public
 */
export function isHomelabSpecType(type: unknown): type is HomelabSpecType {
  return typeof type === 'string' && type in homelabSpecSchemas;
}

import { z } from 'zod';
import {
  description,
  duration,
  inventoryName,
  owner,
  reference,
  status,
  tags,
  title,
} from './primitives';

/**
 * Schema of what a backup, an objective or an external service is about:
 * exactly one of a cluster (optionally some of its namespaces, or one of its
 * platform services), a storage item, a device, an app (a catalog Component),
 * an external service, or, for what the inventory does not hold, a
 * description.
 *
 * @public
 */
export const targetSchema = z
  .object({
    cluster: reference('a cluster').optional(),
    namespaces: z
      .array(z.string().min(1))
      .optional()
      .describe('With cluster: only these namespaces.'),
    service: reference('a platform service of the cluster')
      .optional()
      .describe('With cluster: one of its platform services.'),
    storage: reference('a storage item').optional(),
    device: reference('a device').optional(),
    app: z
      .string()
      .regex(/^(?:component:)?(?:[a-z0-9-_.]+\/)?[a-z0-9-_.]+$/i, {
        error:
          'must be the name of a catalog Component, like "nextcloud" or "component:default/nextcloud"',
      })
      .optional()
      .describe(
        'An app: the name or ref of its catalog Component, like "nextcloud".',
      ),
    externalService: reference('an external service').optional(),
    description: z
      .string()
      .min(1)
      .optional()
      .describe('What it is, in words, when the inventory does not hold it.'),
  })
  .strict();

/**
 * Schema of how long backups are kept: counts per period, as restic and
 * Proxmox Backup Server keep them, or a duration, as a Velero TTL.
 *
 * @public
 */
export const retentionSchema = z
  .object({
    last: z.number().int().positive().optional(),
    hourly: z.number().int().positive().optional(),
    daily: z.number().int().positive().optional(),
    weekly: z.number().int().positive().optional(),
    monthly: z.number().int().positive().optional(),
    yearly: z.number().int().positive().optional(),
    duration: duration
      .optional()
      .describe('Keep each for this long, like "30d".'),
  })
  .strict();

/**
 * Schema of an item of `backups`.
 *
 * @public
 */
export const backupJobSchema = z
  .object({
    name: inventoryName.describe(
      'Name of the backup job, like "velero-daily".',
    ),
    title: title.optional(),
    description: description.optional(),
    status: status('backup job'),
    kind: z
      .enum(['backup', 'snapshot', 'replication'])
      .describe(
        'backup copies data elsewhere; snapshot keeps point-in-time copies in place; replication mirrors it continuously elsewhere.',
      ),
    tool: z
      .string()
      .min(1)
      .optional()
      .describe('What runs it, like "velero", "restic" or "zfs".'),
    sources: z
      .array(targetSchema)
      .min(1, { error: 'a backup job backs up at least one thing' })
      .describe('What it backs up.'),
    destination: targetSchema
      .optional()
      .describe(
        'Where the copies go: a storage item, device or external service. Required for backups and replication; a snapshot stays where its source is.',
      ),
    schedule: z
      .string()
      .min(1)
      .optional()
      .describe(
        'When it runs: a cron expression like "0 3 * * *", @hourly, @daily, @weekly, or "continuous".',
      ),
    retention: retentionSchema.optional().describe('How long copies are kept.'),
    owner: owner.optional(),
    tags: tags.optional(),
  })
  .strict();

/**
 * Schema of an item of `recoveryObjectives`.
 *
 * @public
 */
export const recoveryObjectiveSchema = z
  .object({
    name: inventoryName.describe(
      'Name of the objective, like "critical-data".',
    ),
    title: title.optional(),
    description: description.optional(),
    rpo: duration
      .optional()
      .describe(
        'Recovery point objective: the most data, in time, a restore may lose. Backups of what it applies to must run at least this often.',
      ),
    rto: duration
      .optional()
      .describe('Recovery time objective: how long a restore may take.'),
    appliesTo: z
      .array(targetSchema)
      .min(1, { error: 'an objective applies to at least one thing' })
      .describe('The apps, clusters, storage or devices it is for.'),
  })
  .strict();

/**
 * What an external service does for the homelab.
 *
 * @public
 */
export const externalServiceCategories = [
  'dns',
  'acme',
  'tunnel',
  'cdn',
  'object-storage',
  'backup',
  'notification',
  'email',
  'identity',
  'vpn',
  'registry',
  'source-control',
  'dependency-updates',
  'monitoring',
  'other',
] as const;

/**
 * Schema of an item of `externalServices`.
 *
 * @public
 */
export const externalServiceSchema = z
  .object({
    name: inventoryName.describe('Name of the service, like "cloudflare-dns".'),
    title: title.optional(),
    description: description.optional(),
    status: status('service'),
    category: z
      .enum(externalServiceCategories)
      .describe('What it does for the homelab.'),
    provider: z
      .string()
      .min(1)
      .optional()
      .describe('Who provides it, like "Cloudflare" or "Let\'s Encrypt".'),
    url: z.url().optional().describe('Its address, like an ACME directory.'),
    usedBy: z
      .array(targetSchema)
      .optional()
      .describe('The clusters, platform services or devices that use it.'),
    owner: owner.optional(),
    tags: tags.optional(),
  })
  .strict();

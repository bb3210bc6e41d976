import { z } from 'zod';
import { liveSourceFields } from './liveSourceFields';

/**
 * What a hypervisor (Proxmox VE) says of one of its nodes right now, and of
 * the storage on it, merged into the inventory device of the same name by
 * the catalog module.
 */
export const liveHostFactsSchema = z
  .object({
    ...liveSourceFields,
    node: z.string().describe('The Proxmox node name.'),
    status: z.string().describe('online, offline, unknown…'),
    uptimeSeconds: z.number().optional(),
    cpus: z.number().optional().describe('CPU threads Proxmox counts.'),
    cpuUse: z
      .number()
      .optional()
      .describe('The share of its CPUs in use, 0 to 1.'),
    memoryBytes: z.number().optional(),
    memoryMaxBytes: z.number().optional(),
    storage: z
      .array(
        z
          .object({
            name: z.string(),
            type: z.string().optional().describe('dir, lvmthin, zfspool, nfs…'),
            content: z
              .string()
              .optional()
              .describe('What it holds: images, rootdir, backup, iso…'),
            shared: z.boolean().optional(),
            status: z.string().optional(),
            usedBytes: z.number().optional(),
            totalBytes: z.number().optional(),
          })
          .strict(),
      )
      .describe('The storage Proxmox has on this node.'),
  })
  .strict();

import { z } from 'zod';
import { liveSourceFields } from './liveSourceFields';

/**
 * What a hypervisor (Proxmox VE) says of a virtual machine or container
 * right now, merged into its entity by the catalog module.
 */
export const liveGuestFactsSchema = z
  .object({
    ...liveSourceFields,
    vmid: z.number().int(),
    node: z.string().describe('The Proxmox node the guest runs on.'),
    type: z.enum(['qemu', 'lxc']),
    status: z.string().describe('running, stopped, paused…'),
    uptimeSeconds: z.number().optional(),
    vcpus: z.number().optional(),
    cpuUse: z
      .number()
      .optional()
      .describe('The share of its vCPUs in use, 0 to 1.'),
    memoryBytes: z.number().optional(),
    memoryMaxBytes: z.number().optional(),
    diskBytes: z.number().optional(),
    diskMaxBytes: z.number().optional(),
  })
  .strict();

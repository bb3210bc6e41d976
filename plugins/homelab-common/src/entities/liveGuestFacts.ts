import { z } from 'zod';

/**
 * What a hypervisor (Proxmox VE) says of a virtual machine or container
 * right now, merged into its entity by the catalog module.
 */
export const liveGuestFactsSchema = z
  .object({
    source: z
      .string()
      .describe(
        'The hypervisor source, as homelab.inventory.proxmox names it.',
      ),
    observedAt: z.iso
      .datetime()
      .describe('When the hypervisor was last read successfully.'),
    stale: z
      .boolean()
      .describe('The last read failed; these facts are from observedAt.'),
    error: z.string().optional().describe('Why the last read failed.'),
    recorded: z
      .boolean()
      .optional()
      .describe(
        'Read from a recorded answer (recordedResources), not a live server.',
      ),
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

import { z } from 'zod';

/**
 * Where and when a hypervisor's live facts were read, shared by what it says
 * of a guest and of a node.
 */
export const liveSourceFields = {
  source: z
    .string()
    .describe('The hypervisor source, as homelab.inventory.proxmox names it.'),
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
};

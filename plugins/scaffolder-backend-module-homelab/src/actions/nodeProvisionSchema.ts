import type { z as zod } from 'zod/v3';
import { DNS_LABEL } from '../names/dnsLabel';

/** The inputs of homelab:node:provision, in the form createTemplateAction takes. */
export const nodeProvisionInputs = {
  inventoryPath: (z: typeof zod) =>
    z
      .string()
      .default('inventory')
      .describe('The inventory file or folder, relative to the workspace.'),
  name: (z: typeof zod) =>
    z
      .string()
      .regex(DNS_LABEL)
      .describe('Name of the new device and node, like "rk1-4".'),
  cluster: (z: typeof zod) =>
    z.string().min(1).describe('The cluster it joins (inventory name).'),
  roles: (z: typeof zod) =>
    z
      .array(z.enum(['control-plane', 'worker', 'storage']))
      .min(1)
      .default(['worker'])
      .describe('Its Kubernetes roles.'),
  network: (z: typeof zod) =>
    z.string().min(1).describe('The inventory network of its address.'),
  address: (z: typeof zod) =>
    z
      .string()
      .ip({ version: 'v4' })
      .optional()
      .describe('Static IPv4 address; DHCP when omitted.'),
  installDisk: (z: typeof zod) =>
    z.string().optional().describe('Talos install disk, like /dev/nvme0n1.'),
  installImage: (z: typeof zod) =>
    z.string().optional().describe('Talos installer image.'),
  proxmox: (z: typeof zod) =>
    z
      .object({
        host: z
          .string()
          .min(1)
          .describe('A name from homelab.provisioning.proxmox.'),
        templateVmid: z
          .number()
          .int()
          .min(100)
          .describe('The template VM to clone.'),
        cores: z.number().int().min(1).max(128).default(2),
        memoryGB: z.number().min(0.5).max(1024).default(4),
        storage: z
          .string()
          .optional()
          .describe('Target storage of the full clone.'),
        ciuser: z.string().default('homelab'),
        sshKeys: z.array(z.string().regex(/^(ssh-|ecdsa-|sk-)/)).default([]),
        tags: z.array(z.string().regex(/^[a-z0-9_-]+$/)).default([]),
      })
      .optional()
      .describe('Create a VM on Proxmox VE.'),
  turingPi: (z: typeof zod) =>
    z
      .object({
        board: z
          .string()
          .min(1)
          .describe(
            'A name from homelab.provisioning.turingPi, and the board in the inventory.',
          ),
        slot: z.number().int().min(1).max(4),
        image: z
          .string()
          .optional()
          .describe('A configured image name to flash first.'),
        power: z.enum(['on', 'off', 'reset']).default('on'),
      })
      .optional()
      .describe('Use a slot of a Turing Pi 2 board.'),
  existing: (z: typeof zod) =>
    z
      .object({
        kind: z.enum(['compute-module', 'sbc', 'server', 'workstation']),
        architecture: z.enum(['arm64', 'amd64']),
        board: z
          .string()
          .min(1)
          .optional()
          .describe('The inventory board a compute module sits in.'),
        slot: z.number().int().min(1).max(16).optional(),
      })
      .optional()
      .describe(
        'A machine that runs already: only added to the inventory, nothing is contacted.',
      ),
};

/** The outputs of homelab:node:provision. */
export const nodeProvisionOutputs = {
  vmid: (z: typeof zod) => z.number().optional().describe('The Proxmox VM id.'),
  inventoryFiles: (z: typeof zod) =>
    z.array(z.string()).describe('Inventory files changed.'),
  joinConfigFile: (z: typeof zod) =>
    z
      .string()
      .describe('The join configuration written, relative to the workspace.'),
  instructions: (z: typeof zod) =>
    z.string().describe('How to apply the join configuration.'),
};

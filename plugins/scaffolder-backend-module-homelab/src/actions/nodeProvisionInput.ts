import { NodeRole } from '@homelab/plugin-homelab-common';
import { PowerAction } from '../provisioning/TuringPiClient';

/**
 * The input of homelab:node:provision as it reaches the handler: the
 * scaffolder checks it against the JSON Schema but fills in no defaults, so
 * every field with a default may be missing.
 */
interface NodeProvisionInput {
  inventoryPath?: string;
  name: string;
  cluster: string;
  roles?: NodeRole[];
  network: string;
  address?: string;
  installDisk?: string;
  installImage?: string;
  proxmox?: {
    host: string;
    templateVmid: number;
    cores?: number;
    memoryGB?: number;
    storage?: string;
    ciuser?: string;
    sshKeys?: string[];
    tags?: string[];
  };
  turingPi?: {
    board: string;
    slot: number;
    image?: string;
    power?: PowerAction;
  };
  existing?: {
    kind: 'compute-module' | 'sbc' | 'server' | 'workstation';
    architecture: 'arm64' | 'amd64';
    board?: string;
    slot?: number;
  };
}

/** The input with the schema's defaults filled in. */
export function withInputDefaults(input: NodeProvisionInput) {
  return {
    ...input,
    inventoryPath: input.inventoryPath ?? 'inventory',
    roles: input.roles ?? ['worker'],
    proxmox: input.proxmox && {
      ...input.proxmox,
      cores: input.proxmox.cores ?? 2,
      memoryGB: input.proxmox.memoryGB ?? 4,
      ciuser: input.proxmox.ciuser ?? 'homelab',
      sshKeys: input.proxmox.sshKeys ?? [],
      tags: input.proxmox.tags ?? [],
    },
    turingPi: input.turingPi && {
      ...input.turingPi,
      power: input.turingPi.power ?? 'on',
    },
  };
}

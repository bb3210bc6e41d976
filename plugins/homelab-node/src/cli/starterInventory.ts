import { stringify } from 'yaml';
import { INVENTORY_API_VERSION, UNKNOWN } from '@homelab/plugin-homelab-common';

/**
 * What `homelab-inventory init` asks for: the site and its first network.
 * Optional facts left out are left out of the file too, never defaulted.
 */
export interface StarterAnswers {
  site: string;
  title?: string;
  owner: string;
  timezone?: string;
  network: string;
  /** A CIDR block, or "unknown" when the owner does not know it yet. */
  cidr: string;
  gateway?: string;
  vlan?: number;
}

/** A YAML scalar, quoted by the YAML library where it would read as something else. */
const scalar = (value: string | number) => stringify(value).trimEnd();

const field = (indent: string, name: string, value?: string | number) =>
  value === undefined ? [] : [`${indent}${name}: ${scalar(value)}`];

/** The sections the starter does not fill, as commented examples to copy. */
const EXAMPLES = `
# Hardware and virtual machines, one entry each. Uncomment and edit; leave out
# what you do not know, or write "unknown" where the reference allows it.
# devices:
#   - name: router
#     kind: router
#     interfaces:
#       - { network: lan, address: 192.168.1.1 }
#   - name: pve-1
#     kind: server
#     architecture: amd64
#     cpu: { cores: 8 }
#     memoryGB: 64
#   - name: k3s-1
#     kind: virtual-machine
#     host: pve-1
#     vcpus: 4
#     memoryGB: { min: 8, max: 16 }

# Environments and Kubernetes clusters; a cluster runs one environment.
# environments:
#   - name: production
# clusters:
#   - name: production
#     environment: production
#     distribution: k3s        # or talos, kubeadm, ..., unknown
#     gitops: { tool: none }   # or flux, argocd, unknown
#     nodes:
#       - { name: k3s-1, device: k3s-1, roles: [control-plane, worker] }

# Storage, backups and the services outside the lab are sections of their own:
# storage, backups, recoveryObjectives, externalServices.
`;

/**
 * A commented starter inventory in the current format: the site and one
 * network from the answers, and commented examples of the other sections.
 * Every comment points at the reference, which explains each field.
 */
export function starterInventory(answers: StarterAnswers): string {
  return [
    '# A homelab inventory, started by `homelab-inventory init`.',
    '# Every section and field is explained in the inventory reference',
    '# (docs/inventory-reference.md, or run `homelab-inventory reference`).',
    '# Check it with: homelab-inventory validate <this file>',
    `apiVersion: ${INVENTORY_API_VERSION}`,
    'kind: Inventory',
    '',
    '# The homelab as a whole; its name becomes the catalog Domain.',
    'site:',
    ...field('  ', 'name', answers.site),
    ...field('  ', 'title', answers.title),
    ...field('  ', 'owner', answers.owner),
    ...field('  ', 'timezone', answers.timezone),
    '',
    '# Networks and VLANs. Add dhcp ranges, reserved addresses and SSIDs',
    '# (see the reference); say `internet: full`, `restricted` or `none`',
    '# when you know it: left out, the docs say it is not stated.',
    'networks:',
    `  - name: ${scalar(answers.network)}`,
    ...field('    ', 'vlan', answers.vlan),
    answers.cidr === UNKNOWN
      ? `    cidr: ${UNKNOWN}   # addresses on it are not checked until you give its CIDR`
      : `    cidr: ${answers.cidr}`,
    ...field('    ', 'gateway', answers.gateway),
    EXAMPLES,
  ].join('\n');
}

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const nodeProvisionExamples: TemplateExample[] = [
  {
    description: 'Clone a k3s worker VM on Proxmox VE for the staging cluster',
    example: yaml.stringify({
      steps: [
        {
          id: 'provision',
          action: 'homelab:node:provision',
          input: {
            inventoryPath: 'homelab/inventory',
            name: 'k3s-worker-1',
            cluster: 'staging',
            network: 'serverlan',
            address: '192.168.100.41',
            proxmox: {
              host: 'proxmox',
              templateVmid: 9000,
              cores: 4,
              memoryGB: 8,
              sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9 me@laptop'],
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'Flash Talos onto the RK1 in slot 4 of the Turing Pi and power it on as a production worker',
    example: yaml.stringify({
      steps: [
        {
          id: 'provision',
          action: 'homelab:node:provision',
          input: {
            inventoryPath: 'homelab/inventory',
            name: 'rk1-4',
            cluster: 'production',
            network: 'serverlan',
            address: '192.168.100.16',
            installDisk: '/dev/nvme0n1',
            turingPi: {
              board: 'turing-pi-2',
              slot: 4,
              image: 'talos-rk1',
              power: 'on',
            },
          },
        },
      ],
    }),
  },
];

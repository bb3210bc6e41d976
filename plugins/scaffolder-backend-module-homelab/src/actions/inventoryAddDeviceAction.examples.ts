import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const inventoryAddDeviceExamples: TemplateExample[] = [
  {
    description:
      'Add a fourth RK1 module in slot 4 of the Turing Pi board as a production worker',
    example: yaml.stringify({
      steps: [
        {
          id: 'inventory',
          action: 'homelab:inventory:add-device',
          input: {
            inventoryPath: 'homelab/inventory',
            device: {
              name: 'rk1-4',
              kind: 'compute-module',
              vendor: 'Turing Machines',
              model: 'RK1',
              architecture: 'arm64',
              slot: { board: 'turing-pi-2', number: 4 },
              interfaces: [{ network: 'serverlan', address: '192.168.100.16' }],
            },
            node: { cluster: 'production', roles: ['worker'] },
          },
        },
      ],
    }),
  },
];

import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { deviceSchema } from '@homelab/plugin-homelab-common';
import { InputError } from '@backstage/errors';
import { editInventory, InventoryAddition } from '../inventory/editInventory';
import { inventoryAddDeviceExamples } from './inventoryAddDeviceAction.examples';

/**
 * homelab:inventory:add-device — adds a device, and optionally its
 * Kubernetes node, to the inventory in the workspace, through the catalog
 * module's validator: an inventory the catalog would reject is never written.
 */
export function createInventoryAddDeviceAction() {
  return createTemplateAction({
    id: 'homelab:inventory:add-device',
    description:
      'Adds a device (and optionally its Kubernetes node) to the homelab inventory in the workspace, validated like the catalog validates it.',
    examples: inventoryAddDeviceExamples,
    supportsDryRun: true,
    schema: {
      input: {
        inventoryPath: z =>
          z
            .string()
            .default('inventory')
            .describe(
              'The inventory file or folder, relative to the workspace.',
            ),
        device: z =>
          z
            .record(z.string(), z.unknown())
            .describe(
              "The device, as an item of the inventory's devices list, checked as a homelab.dev/v1alpha2 device.",
            ),
        node: z =>
          z
            .object({
              cluster: z.string().min(1),
              name: z.string().optional(),
              roles: z
                .array(z.enum(['control-plane', 'worker', 'storage']))
                .min(1),
            })
            .optional()
            .describe('Make the device a node of this cluster.'),
      },
      output: {
        changed: z =>
          z
            .array(z.string())
            .describe('Inventory files changed, relative to the workspace.'),
        unchanged: z =>
          z
            .array(z.string())
            .describe('Items that were already in the inventory, identical.'),
      },
    },
    async handler(ctx) {
      const parsed = deviceSchema.safeParse(ctx.input.device);
      if (!parsed.success) {
        throw new InputError(
          `device is not a valid inventory device: ${parsed.error.issues
            .map(i => `${i.path.join('.') || 'device'}: ${i.message}`)
            .join('; ')}`,
        );
      }
      // The input as written (defaults not filled in), so the file stays as terse as the user's.
      const device = ctx.input.device as InventoryAddition['item'];
      const additions: InventoryAddition[] = [
        { list: ['devices'], item: device },
      ];
      if (ctx.input.node) {
        additions.push({
          list: ['clusters', ctx.input.node.cluster, 'nodes'],
          item: {
            name: ctx.input.node.name ?? device.name,
            device: device.name,
            roles: ctx.input.node.roles,
          },
        });
      }
      const result = await editInventory(
        ctx.workspacePath,
        ctx.input.inventoryPath ?? 'inventory',
        additions,
        {
          dryRun: ctx.isDryRun,
        },
      );
      ctx.output('changed', result.changed);
      ctx.output('unchanged', result.unchanged);
    },
  });
}

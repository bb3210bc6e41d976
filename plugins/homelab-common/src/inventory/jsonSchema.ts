import { z } from 'zod';
import { INVENTORY_API_VERSION, inventoryFileSchema } from './schema';

/**
 * The JSON Schema of one inventory file, for editors: point a YAML language
 * server at inventory.schema.json (shipped with this package) to get
 * completion and inline errors. Cross-item rules need the validator.
 *
 * @public
 */
export function inventoryJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(inventoryFileSchema, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
    }),
    $id: `https://homelab.dev/schemas/inventory-${
      INVENTORY_API_VERSION.split('/')[1]
    }.json`,
    title: `Homelab inventory file (${INVENTORY_API_VERSION})`,
  };
}

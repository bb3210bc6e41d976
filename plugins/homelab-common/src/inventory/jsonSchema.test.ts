import fs from 'node:fs';
import path from 'node:path';
import { inventoryJsonSchema } from './jsonSchema';

const schemaFile = path.resolve(__dirname, '../../inventory.schema.json');

describe('inventory.schema.json', () => {
  const generated = `${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`;

  if (process.env.UPDATE_INVENTORY_SCHEMA) {
    it('is rewritten from the zod schema', () => {
      fs.writeFileSync(schemaFile, generated);
      expect(fs.readFileSync(schemaFile, 'utf8')).toBe(generated);
    });
    return;
  }

  it('matches the zod schema it is generated from', () => {
    // On failure: npm run generate:schema -w @homelab/plugin-homelab-common
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(generated);
  });

  it('describes the sections and the fields that carry plain-English help', () => {
    const schema = inventoryJsonSchema() as any;
    expect(Object.keys(schema.properties)).toEqual([
      'apiVersion',
      'kind',
      'site',
      'environments',
      'networks',
      'wan',
      'devices',
      'clusters',
      'storage',
      'backups',
      'recoveryObjectives',
      'externalServices',
    ]);
    const device = schema.properties.devices.items;
    expect(device.additionalProperties).toBe(false);
    expect(device.properties.kind.enum).toContain('compute-module');
    expect(device.properties.slot.description).toMatch(/board slot/);
    expect(device.properties.kind.enum).toContain('unknown');
    expect(schema.properties.apiVersion.const).toBe('homelab.dev/v1alpha2');
  });
});

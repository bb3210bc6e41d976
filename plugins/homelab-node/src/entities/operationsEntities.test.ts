import { homelabSpecSchemas } from '@homelab/plugin-homelab-common';
import path from 'node:path';
import { readInventoryFromPath } from '../inventory/readInventory';
import { validateInventoryFiles } from '../inventory/validateInventory';
import { inventoryToEntities } from './inventoryToEntities';

describe('backup jobs and external services in the catalog', () => {
  it('are Resources that depend on what they back up and where to, and on what uses them', async () => {
    const { inventory, origins } = validateInventoryFiles(
      await readInventoryFromPath(
        path.resolve(
          __dirname,
          '../../test-fixtures/architectures/k3s-argocd.yaml',
        ),
      ),
    );
    const entities = inventoryToEntities(inventory!, { origins });
    const byName = (name: string) =>
      entities.find(e => e.metadata.name === name)!;

    const velero = byName('velero-offsite');
    expect(velero.spec).toMatchObject({
      type: 'backup-job',
      system: 'k3s-lab-storage',
      dependsOn: ['resource:default/k3s', 'resource:default/backblaze-b2'],
      homelab: {
        kind: 'backup',
        tool: 'velero',
        schedule: '@weekly',
        retention: { weekly: 8 },
        status: 'active',
      },
    });
    const acme = byName('letsencrypt');
    expect(acme.spec).toMatchObject({
      type: 'external-service',
      system: 'k3s-lab-network',
      dependencyOf: ['component:default/k3s-cert-manager'],
      homelab: { category: 'acme', provider: "Let's Encrypt" },
    });
    expect(acme.metadata.links).toEqual([
      {
        url: 'https://acme-v02.api.letsencrypt.org/directory',
        title: 'Service',
      },
    ]);
    // What recovery objectives apply to, with the strictest targets.
    expect(byName('postgres').spec).toMatchObject({
      homelab: {
        recovery: { rpo: '15m', rto: '1h', objectives: ['databases'] },
      },
    });
    expect(byName('k3s').spec).toMatchObject({
      homelab: { recovery: { rpo: '24h', rto: '4h', objectives: ['cluster'] } },
    });
    // The catalog module checks spec.homelab with these schemas.
    for (const entity of [velero, acme, byName('postgres'), byName('k3s')]) {
      const spec = entity.spec as {
        type: keyof typeof homelabSpecSchemas;
        homelab: unknown;
      };
      expect(
        homelabSpecSchemas[spec.type].safeParse(spec.homelab).error,
      ).toBeUndefined();
    }
  });
});

import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { HomelabEntityProcessor } from './HomelabEntityProcessor';

const location = {
  type: 'url',
  target: 'https://git.lab.example/inventory/catalog-info.yaml',
};

async function process(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new HomelabEntityProcessor().postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  return { result, emitted };
}

const device = (homelab: object): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'rk1-1' },
  spec: { type: 'device', owner: 'group:homelab-admins', homelab },
});

describe('HomelabEntityProcessor', () => {
  it('emits each homelab relation in both directions', async () => {
    const { emitted } = await process(
      device({
        kind: 'compute-module',
        status: 'active',
        hostedOn: 'resource:default/turing-pi-2',
        connectedTo: [
          'resource:default/serverlan',
          'resource:default/unifi-switch',
        ],
      }),
    );
    const relations = emitted.map(r => {
      const { source, type, target } = (r as any).relation;
      return `${source.name} ${type} ${target.name}`;
    });
    expect(relations).toEqual([
      'rk1-1 hostedOn turing-pi-2',
      'turing-pi-2 hosts rk1-1',
      'rk1-1 connectedTo serverlan',
      'serverlan connectionOf rk1-1',
      'rk1-1 connectedTo unifi-switch',
      'unifi-switch connectionOf rk1-1',
    ]);
  });

  it('emits promotion order between environments', async () => {
    const { emitted } = await process({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'staging' },
      spec: {
        type: 'environment',
        owner: 'group:homelab-admins',
        homelab: { promotesTo: 'system:default/production' },
      },
    });
    expect(emitted.map(r => (r as any).relation.type)).toEqual([
      'promotesTo',
      'promotedFrom',
    ]);
  });

  it('reports a hand-written homelab entity with a precise reason, and emits no relations from it', async () => {
    const { emitted } = await process(
      device({
        kind: 'server-rack',
        memoryGB: 'lots',
        hostedOn: 'turing-pi-2',
      }),
    );
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ type: 'error', location });
    const message = (emitted[0] as any).error.message as string;
    expect(message).toMatch(/^Resource rk1-1 is not a valid device: /);
    expect(message).toContain('spec.homelab.kind');
    expect(message).toContain('spec.homelab.memoryGB');
    expect(message).toContain(
      'spec.homelab.hostedOn: must be a full entity ref',
    );
  });

  it('refuses spec.homelab on a type outside the homelab vocabulary', async () => {
    const { emitted } = await process({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'db' },
      spec: { type: 'database', owner: 'x', homelab: {} },
    });
    expect((emitted[0] as any).error.message).toMatch(
      /spec.type "database" is not a homelab type/,
    );
  });

  it('leaves entities without spec.homelab alone, even with a homelab type name', async () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'office-printer' },
      spec: { type: 'device', owner: 'group:it' },
    };
    const { result, emitted } = await process(entity);
    expect(result).toBe(entity);
    expect(emitted).toEqual([]);
  });
});

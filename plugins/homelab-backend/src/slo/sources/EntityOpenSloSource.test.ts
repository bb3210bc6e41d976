import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import {
  EntityOpenSloSource,
  resolveOpenSloTarget,
} from './EntityOpenSloSource';

const SLO = `
apiVersion: openslo/v1
kind: SLO
metadata: { name: web-availability }
spec:
  service: web
  timeWindow: [{ duration: 30d, isRolling: true }]
  objectives: [{ target: 0.999 }]
  indicator:
    spec:
      ratioMetric:
        counter: true
        bad: { metricSource: { type: Prometheus, spec: { query: 'errors_total' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'requests_total' } } }
`;

const entity = (location: string, target: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web',
    annotations: {
      'backstage.io/managed-by-location': location,
      'homelab.dev/openslo': target,
    },
  },
  spec: {},
});

describe('SLOs from an entity annotation', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => {
    mockDir.setContent({
      'repo/catalog-info.yaml': '',
      'repo/slos/web.yaml': SLO,
      'secret.yaml': SLO,
    });
  });

  it('reads a path relative to the entity file, belonging to the entity, with an id independent of the checkout', async () => {
    const source = new EntityOpenSloSource(
      entity(
        `file:${mockDir.resolve('repo/catalog-info.yaml')}`,
        'slos/web.yaml',
      ),
      mockServices.urlReader.mock(),
    );
    const { slos, problems } = await source.read();
    expect(problems).toEqual([]);
    expect(slos).toEqual([
      expect.objectContaining({
        name: 'web-availability',
        entityRef: 'component:default/web',
        origin: 'component:default/web:slos/web.yaml',
      }),
    ]);
    expect(source.owns(slos[0])).toBe(true);
    expect(
      source.owns({ ...slos[0], entityRef: 'component:default/other' }),
    ).toBe(false);
  });

  it('refuses paths and links that lead out of the folder of the entity file', async () => {
    expect(() =>
      resolveOpenSloTarget(
        '../secret.yaml',
        `file:${mockDir.resolve('repo/catalog-info.yaml')}`,
      ),
    ).toThrow("it points outside the folder of the entity's catalog file");
    fs.symlinkSync(
      mockDir.resolve('secret.yaml'),
      mockDir.resolve('repo/slos/link.yaml'),
    );
    const source = new EntityOpenSloSource(
      entity(
        `file:${mockDir.resolve('repo/catalog-info.yaml')}`,
        'slos/link.yaml',
      ),
      mockServices.urlReader.mock(),
    );
    await expect(source.read()).rejects.toThrow('points outside the folder');
  });

  it('reads URLs through the integrations of the URL reader, relative to a URL location', async () => {
    const readUrl = jest.fn(async () => ({
      buffer: async () => Buffer.from(SLO),
      etag: 'x',
    }));
    const source = new EntityOpenSloSource(
      entity(
        'url:https://github.com/hallonen/apps/blob/main/web/catalog-info.yaml',
        'slos/web.yaml',
      ),
      mockServices.urlReader.mock({ readUrl: readUrl as any }),
    );
    expect((await source.read()).slos).toHaveLength(1);
    expect(readUrl).toHaveBeenCalledWith(
      'https://github.com/hallonen/apps/blob/main/web/slos/web.yaml',
    );
  });
});

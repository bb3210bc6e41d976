import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techdocsPlugin from '@backstage/plugin-techdocs-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import techdocsModuleHomelab from './index';

jest.setTimeout(120_000);

const EXAMPLE = path.resolve(__dirname, '../../../examples/homelab');

const site = (name: string, uid: string, location: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: {
    name,
    uid,
    annotations: {
      'backstage.io/managed-by-location': `file:${EXAMPLE}/site.yaml`,
      'backstage.io/managed-by-origin-location': `file:${EXAMPLE}/site.yaml`,
      'backstage.io/techdocs-ref': 'dir:.',
      'homelab.dev/inventory-docs': location,
    },
  },
  spec: { owner: 'group:homelab-admins' },
});

describe("the homelab TechDocs module in TechDocs' real build, with Debian's MkDocs", () => {
  let root: string;
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-techdocs-build-'));
    const broken = path.join(root, 'broken');
    fs.cpSync(EXAMPLE, broken, { recursive: true });
    const network = path.join(broken, 'network.yaml');
    fs.writeFileSync(
      network,
      fs.readFileSync(network, 'utf8').replace('vlan: 30', 'vlan: 100'),
    );
    const backend = await startTestBackend({
      features: [
        techdocsPlugin,
        techdocsModuleHomelab,
        catalogServiceMock.factory({
          entities: [
            site(
              'hallonen',
              'a7c3a1b4-0000-4000-8000-000000000001',
              'hallonen',
            ),
            site('broken', 'a7c3a1b4-0000-4000-8000-000000000002', 'broken'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { workingDirectory: root },
            homelab: {
              inventory: {
                locations: [
                  { name: 'hallonen', target: EXAMPLE },
                  { name: 'broken', target: broken },
                ],
              },
            },
            techdocs: {
              builder: 'local',
              generator: {
                runIn: 'local',
                mkdocs: { omitTechdocsCorePlugin: true },
              },
              publisher: {
                type: 'local',
                local: { publishDirectory: path.join(root, 'published') },
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const sync = async (name: string) =>
    (
      await request(server)
        .get(`/api/techdocs/sync/default/domain/${name}`)
        .set('Authorization', mockCredentials.user.header())
        .buffer(true)
        .parse((res, callback) => {
          let text = '';
          res.on('data', chunk => (text += chunk));
          res.on('end', () => callback(null, text));
        })
    ).body as string;

  it('builds the Domain’s docs from its inventory and serves them: the VLAN table and the diagrams', async () => {
    const events = await sync('hallonen');
    expect(events).toContain('event: finish');
    const network = await request(server)
      .get(
        '/api/techdocs/static/docs/default/domain/hallonen/network/index.html',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(network.status).toBe(200);
    const html = network.text;
    expect(html).toMatch(
      /<td>10<\/td>\s*<td>Default<\/td>\s*<td>192\.168\.10\.0\/24<\/td>/,
    );
    expect(html).toContain('<code class="language-mermaid">flowchart LR');
    expect(html).not.toContain('fonts.googleapis.com');
  });

  it("fails the build of an invalid inventory with the validator's problems", async () => {
    const events = await sync('broken');
    expect(events).toContain('event: error');
    expect(events).toMatch(
      /The homelab inventory \\"broken\\" .* is invalid, so its docs were not rebuilt/,
    );
    expect(events).toContain('VLAN 100');
  });
});

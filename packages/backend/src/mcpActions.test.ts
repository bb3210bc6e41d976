import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import homelabCatalogModule from '@homelab/plugin-catalog-backend-module-homelab';
import homelabPlugin from '@homelab/plugin-homelab-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { pluginSchedulers } from './__testUtils__/pluginSchedulers';
import { portalConfig } from './__testUtils__/portalConfig';
import { portalPolicyPermissions } from './__testUtils__/portalPolicyPermissions';
import { runCollections } from './__testUtils__/runCollections';
import { waitForEntity } from './__testUtils__/waitForEntity';

jest.setTimeout(180_000);

/** A member of homelab-admins, the example's operators (examples/org.yaml). */
const OPERATOR = 'user:default/guest';
/** Signed in, in no operator group: may read, may not reconcile. */
const VISITOR = 'user:default/visitor';

const HOMELAB_TOOLS = [
  'homelab.get-blast-radius',
  'homelab.get-drift',
  'homelab.get-flux-objects',
  'homelab.get-posture',
  'homelab.get-slos',
  'homelab.reconcile-flux-object',
  'homelab.resume-flux-object',
  'homelab.suspend-flux-object',
];

/**
 * The portal's MCP endpoint (/api/mcp-actions/v1), driven by the official
 * MCP TypeScript SDK as an agent drives it: the MCP actions backend with the
 * real actions registry and actions service (which call the homelab plugin
 * over HTTP on behalf of the agent's user), the portal's app-config.yaml
 * (backend.actions.pluginSources) and permission policy, the example
 * inventory in the catalog and the recorded cluster snapshots collected.
 */
describe('the homelab actions through the portal MCP endpoint', () => {
  let server: any;
  let stopBackend: () => Promise<void>;
  const { schedulers, grab: grabScheduler } = pluginSchedulers();

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        homelabCatalogModule,
        homelabPlugin,
        mcpActionsPlugin,
        // The real registry and service in place of the test backend's mocks.
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        portalPolicyPermissions,
        // Group membership as the auth backend resolves it from the catalog.
        mockServices.userInfo.mock({
          async getUserInfo(credentials: any) {
            const ref = credentials.principal.userEntityRef;
            return {
              userEntityRef: ref,
              ownershipEntityRefs:
                ref === OPERATOR
                  ? [ref, 'group:default/homelab-admins']
                  : [ref],
            };
          },
        }).factory,
        mockServices.rootConfig.factory({ data: await portalConfig() }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        grabScheduler('catalog'),
        grabScheduler('homelab'),
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();

    await schedulers.catalog.triggerTask('homelab-inventory:hallonen:refresh');
    await waitForEntity(server, 'resource/default/rk1-1', OPERATOR);
    await runCollections(
      server,
      schedulers.homelab,
      ['workloads', 'flux', 'security', 'slo'],
      OPERATOR,
    );
  });

  afterAll(() => stopBackend?.());

  /** An MCP client signed in as the user, connected to the portal's endpoint. */
  async function connect(user: string) {
    const { port } = server.address() as AddressInfo;
    const client = new Client({ name: 'homelab-test-agent', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`http://localhost:${port}/api/mcp-actions/v1`),
        {
          requestInit: {
            headers: { Authorization: mockCredentials.user.header(user) },
          },
        },
      ),
    );
    return client;
  }

  it('lists the homelab tools, marked read-only or destructive', async () => {
    const client = await connect(VISITOR);
    try {
      const { tools } = await client.listTools();
      // backend.actions.pluginSources: [homelab] offers only the homelab's.
      expect(tools.map(t => t.name).sort()).toEqual(HOMELAB_TOOLS);
      const hints = Object.fromEntries(
        tools.map(t => [
          t.name,
          [t.annotations?.readOnlyHint, t.annotations?.destructiveHint],
        ]),
      );
      expect(hints).toEqual({
        'homelab.get-blast-radius': [true, false],
        'homelab.get-drift': [true, false],
        'homelab.get-flux-objects': [true, false],
        'homelab.get-posture': [true, false],
        'homelab.get-slos': [true, false],
        'homelab.reconcile-flux-object': [false, true],
        'homelab.resume-flux-object': [false, true],
        'homelab.suspend-flux-object': [false, true],
      });
      const reconcile = tools.find(
        t => t.name === 'homelab.reconcile-flux-object',
      );
      expect(reconcile?.inputSchema.required).toEqual([
        'cluster',
        'kind',
        'namespace',
        'name',
      ]);
    } finally {
      await client.close();
    }
  });

  it('answers a read-only tool: the blast radius of RK1 module 1', async () => {
    const client = await connect(VISITOR);
    try {
      const result: any = await client.callTool({
        name: 'homelab.get-blast-radius',
        arguments: { entityRef: 'resource:default/rk1-1' },
      });
      expect(result.isError).toBeFalsy();
      const { blastRadius } = result.structuredContent;
      expect(blastRadius.subject.entityRef).toBe('resource:default/rk1-1');
      expect(blastRadius.mode).toBe('failure');
      // The same answer as the REST API's, which the blast radius card shows.
      const rest = await request(server)
        .get('/api/homelab/blast-radius')
        .query({ entityRef: 'resource:default/rk1-1' })
        .set('Authorization', mockCredentials.user.header(VISITOR))
        .expect(200);
      expect(blastRadius).toEqual({
        ...rest.body,
        generatedAt: expect.any(String),
      });
      // RK1 module 1 carries a production node: losing it is not nothing.
      expect(blastRadius.nodes.length).toBeGreaterThan(0);
      expect(blastRadius.freshness).toEqual([
        expect.objectContaining({
          source: 'workloads',
          cluster: 'production',
          state: 'fresh',
        }),
      ]);
    } finally {
      await client.close();
    }
  });

  it.each([
    [
      'homelab.get-slos',
      { entityRef: 'component:default/home-assistant' },
      '/slos?entityRef=component%3Adefault%2Fhome-assistant',
    ],
    [
      'homelab.get-posture',
      { scope: 'entity', entityRef: 'component:default/home-assistant' },
      '/posture/summaries?scope=entity&entityRef=component%3Adefault%2Fhome-assistant',
    ],
    [
      'homelab.get-drift',
      { entityRef: 'component:default/nextcloud' },
      '/drift?entityRef=component%3Adefault%2Fnextcloud',
    ],
    [
      'homelab.get-flux-objects',
      { cluster: 'staging', kind: 'HelmRelease' },
      '/flux/objects?cluster=staging&kind=HelmRelease',
    ],
  ])('answers %s as the REST API does', async (tool, args, restPath) => {
    const client = await connect(VISITOR);
    try {
      const result: any = await client.callTool({
        name: tool,
        arguments: args,
      });
      expect(result.isError).toBeFalsy();
      const rest = await request(server)
        .get(`/api/homelab${restPath}`)
        .set('Authorization', mockCredentials.user.header(VISITOR))
        .expect(200);
      expect(result.structuredContent).toEqual(rest.body);
      const { items, apps } = result.structuredContent;
      expect((items ?? apps).length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it('refuses the destructive tool to a user without homelab.flux.reconcile, and lets an operator through to the cluster', async () => {
    const reconcile = {
      name: 'homelab.reconcile-flux-object',
      arguments: {
        cluster: 'staging',
        kind: 'HelmRelease',
        namespace: 'flux-system',
        name: 'vaultwarden',
      },
    };
    const visitor = await connect(VISITOR);
    try {
      const refused: any = await visitor.callTool(reconcile);
      expect(refused.isError).toBe(true);
      expect(refused.content).toEqual([
        {
          type: 'text',
          text: 'NotAllowedError: Not allowed: homelab.flux.reconcile',
        },
      ]);
      const suspend: any = await visitor.callTool({
        ...reconcile,
        name: 'homelab.suspend-flux-object',
      });
      expect(suspend.content[0].text).toBe(
        'NotAllowedError: Not allowed: homelab.flux.suspend',
      );
    } finally {
      await visitor.close();
    }
    // The operator passes the permission check; the recorded staging
    // snapshot then refuses the change itself.
    const operator = await connect(OPERATOR);
    try {
      const result: any = await operator.callTool(reconcile);
      expect(result.isError).toBe(true);
      expect(result.content[0].text).toBe(
        'NotAllowedError: cluster "staging" is a recorded snapshot and cannot be changed',
      );
    } finally {
      await operator.close();
    }
  });
});

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { FluxKind } from '@homelab/plugin-homelab-common';
import {
  ClusterClient,
  createClusterClient,
  readClusterConnections,
} from '@homelab/plugin-homelab-node';
import { KubernetesApiTestServer } from '@homelab/plugin-homelab-node/testUtils';
import { FluxCollector } from '../collectors/FluxCollector';
import { DatabaseHomelabStore } from '../database/DatabaseHomelabStore';
import { EntityIndex } from '../workloads/EntityIndex';
import { fluxFixture } from './__fixtures__/fluxFixtures';
import { FluxActions } from './FluxActions';

jest.setTimeout(60_000);

const TOKEN = 'flux-operator-token';
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-22T09:30:00.000Z');

/**
 * A cluster running Flux 2.7 with source-watcher, bootstrapped by the Flux
 * Operator: the upstream-shaped objects of __fixtures__, served in the
 * versions those releases serve (discovery lists each group once).
 */
function operatorCluster() {
  const group = (name: string, version: string) => ({
    name,
    versions: [{ groupVersion: `${name}/${version}`, version }],
    preferredVersion: { groupVersion: `${name}/${version}`, version },
  });
  return {
    documents: {
      '/apis': {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [
          group('source.toolkit.fluxcd.io', 'v1'),
          group('source.extensions.fluxcd.io', 'v1beta1'),
          group('fluxcd.controlplane.io', 'v1'),
        ],
      },
    },
    collections: {
      '/apis/source.toolkit.fluxcd.io/v1/gitrepositories': [],
      '/apis/source.toolkit.fluxcd.io/v1/ocirepositories': [],
      '/apis/source.toolkit.fluxcd.io/v1/helmrepositories': [],
      '/apis/source.toolkit.fluxcd.io/v1/externalartifacts': fluxFixture(
        'externalartifacts.yaml',
      ),
      '/apis/source.extensions.fluxcd.io/v1beta1/artifactgenerators':
        fluxFixture('artifactgenerators.yaml'),
      // One FluxInstance a cluster: the first of the fixture's.
      '/apis/fluxcd.controlplane.io/v1/fluxinstances': fluxFixture(
        'fluxinstances.yaml',
      ).slice(0, 1),
      '/apis/fluxcd.controlplane.io/v1/resourcesets':
        fluxFixture('resourcesets.yaml'),
    },
  };
}

describe('Flux actions on the Flux 2.7 and Flux Operator kinds, sent to a local HTTP server speaking the Kubernetes API', () => {
  let server: KubernetesApiTestServer;
  let client: ClusterClient;
  let store: DatabaseHomelabStore;
  let actions: FluxActions;
  let collection: Awaited<ReturnType<FluxCollector['collect']>>;

  const patches = () =>
    server.requests
      .filter(r => r.method === 'PATCH')
      .map(r => ({ path: r.path, body: r.body }));
  const ref = (kind: FluxKind, namespace: string, name: string) => ({
    cluster: 'lab',
    kind,
    namespace,
    name,
  });

  beforeEach(async () => {
    server = await KubernetesApiTestServer.start({
      ...operatorCluster(),
      token: TOKEN,
    });
    const config = new ConfigReader({
      homelab: {
        clusters: [
          { name: 'lab', url: server.url, caData: server.caData, token: TOKEN },
        ],
      },
    });
    [client] = readClusterConnections(config).map(createClusterClient);
    store = await DatabaseHomelabStore.create(
      mockServices.database({ knex: await databases.init('SQLITE_3') }),
    );
    collection = await new FluxCollector(
      store.flux,
      async () => new EntityIndex([]),
    ).collect(client, NOW);
    actions = new FluxActions(new Map([['lab', client]]), store.flux);
  });
  afterEach(() => server.stop());

  it('collects every object of the kinds the cluster serves, with nothing missing', async () => {
    expect(collection.warnings).toEqual([]);
    expect(
      (await store.flux.fluxObjects()).map(
        o => `${o.kind} ${o.namespace}/${o.name} ${o.ready}`,
      ),
    ).toEqual([
      'ArtifactGenerator apps/monorepo False',
      'ArtifactGenerator apps/paused True',
      'ArtifactGenerator flux-system/flux-system True',
      'ExternalArtifact flux-system/apps True',
      'ExternalArtifact flux-system/my-artifact True',
      'FluxInstance flux-system/flux True',
      'ResourceSet default/podinfo True',
      'ResourceSet flux-system/apps False',
    ]);
  });

  it('reconciles each kind that can be, through reconcile.fluxcd.io/requestedAt', async () => {
    for (const target of [
      ref('ArtifactGenerator', 'flux-system', 'flux-system'),
      ref('FluxInstance', 'flux-system', 'flux'),
      ref('ResourceSet', 'default', 'podinfo'),
    ]) {
      await actions.reconcile(target, NOW);
    }
    expect(patches()).toEqual(
      [
        '/apis/source.extensions.fluxcd.io/v1beta1/namespaces/flux-system/artifactgenerators/flux-system',
        '/apis/fluxcd.controlplane.io/v1/namespaces/flux-system/fluxinstances/flux',
        '/apis/fluxcd.controlplane.io/v1/namespaces/default/resourcesets/podinfo',
      ].map(path => ({
        path,
        body: {
          metadata: {
            annotations: {
              'reconcile.fluxcd.io/requestedAt': '2026-11-22T09:30:00.000Z',
            },
          },
        },
      })),
    );
  });

  it('suspends and resumes the kinds without spec.suspend through their reconcile annotation, and the objects read back say so', async () => {
    const cases = [
      [
        ref('ArtifactGenerator', 'flux-system', 'flux-system'),
        'source.extensions.fluxcd.io/reconcile',
      ],
      [
        ref('FluxInstance', 'flux-system', 'flux'),
        'fluxcd.controlplane.io/reconcile',
      ],
      [
        ref('ResourceSet', 'default', 'podinfo'),
        'fluxcd.controlplane.io/reconcile',
      ],
    ] as const;
    for (const [target, annotation] of cases) {
      server.requests.length = 0;
      expect(await actions.setSuspended(target, true, NOW)).toMatchObject({
        suspended: true,
      });
      expect(
        (
          await store.flux.fluxObjects({ kind: target.kind, name: target.name })
        )[0].suspended,
      ).toBe(true);
      expect(await actions.setSuspended(target, false, NOW)).toMatchObject({
        suspended: false,
      });
      // Resuming also asks for a reconcile: the controllers do not requeue a
      // paused object, and source-watcher ignores annotation changes.
      expect(patches().map(p => p.body)).toEqual([
        { metadata: { annotations: { [annotation]: 'disabled' } } },
        {
          metadata: {
            annotations: {
              [annotation]: 'enabled',
              'reconcile.fluxcd.io/requestedAt': '2026-11-22T09:30:00.000Z',
            },
          },
        },
      ]);
    }
  });

  it('says a live cluster takes changes and one no longer configured does not', () => {
    expect(actions.access('lab')).toEqual({
      cluster: 'lab',
      recorded: false,
      readOnly: false,
    });
    expect(actions.access('gone')).toEqual({
      cluster: 'gone',
      recorded: false,
      readOnly: true,
      reason: 'cluster "gone" is not in homelab.clusters',
    });
  });

  it('refuses to reconcile, suspend or resume an ExternalArtifact, sending nothing, and says whom to ask instead', async () => {
    const artifact = ref('ExternalArtifact', 'flux-system', 'apps');
    await expect(actions.reconcile(artifact, NOW)).rejects.toMatchObject({
      name: 'InputError',
      message:
        'ExternalArtifacts cannot be reconciled: the controller that produces one owns it; act on its producer (its sourceRef, such as an ArtifactGenerator) instead',
    });
    for (const suspended of [true, false]) {
      await expect(
        actions.setSuspended(artifact, suspended, NOW),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /^ExternalArtifacts cannot be suspended or resumed: /,
        ),
      });
    }
    expect(patches()).toEqual([]);
  });
});

import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HomelabClusterSupplier } from './HomelabClusterSupplier';
import { withOtherClusters } from './withOtherClusters';

const SNAPSHOTS = path.resolve(__dirname, '../../../examples/snapshots');

/** A logger that keeps what it was told. */
function recordingLogger() {
  const lines: string[] = [];
  const logger: any = {
    info: (message: string) => lines.push(`info: ${message}`),
    warn: (message: string) => lines.push(`warn: ${message}`),
    error: (message: string) => lines.push(`error: ${message}`),
    debug: () => {},
    child: () => logger,
  };
  return { logger, lines };
}

describe('HomelabClusterSupplier', () => {
  let dir: string;
  let supplier: HomelabClusterSupplier | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supplier-'));
  });
  afterEach(async () => {
    await supplier?.stop();
    supplier = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('supplies every usable homelab cluster with its token on the backend, a token file read at each use', async () => {
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, 'first-token\n');
    const k3s = path.join(dir, 'k3s.yaml');
    fs.writeFileSync(
      k3s,
      `apiVersion: v1
clusters: [{name: default, cluster: {server: 'https://127.0.0.1:6443'}}]
contexts: [{name: default, context: {cluster: default, user: default}}]
current-context: default
users: [{name: default, user: {client-certificate-data: eA==, client-key-data: eA==}}]
`,
    );
    const { logger, lines } = recordingLogger();
    supplier = await HomelabClusterSupplier.fromConfig(
      new ConfigReader({
        homelab: {
          clusters: [
            {
              name: 'homelab',
              url: 'https://192.168.10.20:6443',
              caData: 'Q0E=',
              tokenFile,
            },
            { name: 'edge', kubeconfig: { path: k3s } },
            {
              name: 'production',
              snapshotDirectory: path.join(SNAPSHOTS, 'production'),
            },
          ],
        },
      }),
      logger,
    );

    const [homelab, production] = await supplier.getClusters();
    expect(homelab).toEqual({
      name: 'homelab',
      url: 'https://192.168.10.20:6443',
      caData: 'Q0E=',
      caFile: undefined,
      skipTLSVerify: false,
      authMetadata: {
        'kubernetes.io/auth-provider': 'serviceAccount',
        serviceAccountToken: 'first-token',
      },
    });
    expect(production).toEqual({
      name: 'production',
      title: 'production (recorded snapshot, read-only)',
      url: expect.stringMatching(
        /^http:\/\/127\.0\.0\.1:\d+\/clusters\/production$/,
      ),
      skipMetricsLookup: true,
      authMetadata: {
        'kubernetes.io/auth-provider': 'serviceAccount',
        serviceAccountToken: expect.any(String),
      },
    });

    fs.writeFileSync(tokenFile, 'rotated-token\n');
    const [rotated] = await supplier.getClusters();
    expect(rotated.authMetadata.serviceAccountToken).toBe('rotated-token');

    expect(lines).toEqual([
      'warn: homelab.clusters "edge" is not given to the Kubernetes plugin: the user of its context "default" signs in with a client certificate; the Kubernetes plugin needs a service account token (homelab.clusters: url, caData and token or tokenFile)',
      'info: Supplying 2 homelab cluster(s) to the Kubernetes plugin: homelab, production (recorded snapshot, read-only)',
    ]);
    expect(lines.join('\n')).not.toMatch(/first-token/);
  });

  it("adds the portal's own clusters, a cluster named in both taken from the homelab once", async () => {
    const cluster = (name: string, url: string): ClusterDetails => ({
      name,
      url,
      authMetadata: {},
    });
    const combined = withOtherClusters(
      { getClusters: async () => [cluster('homelab', 'https://homelab')] },
      {
        getClusters: async () => [
          cluster('homelab', 'https://from-the-catalog'),
          cluster('cloud', 'https://cloud'),
        ],
      },
    );

    expect(
      (await combined.getClusters({ credentials: mockCredentials.none() })).map(
        c => `${c.name} ${c.url}`,
      ),
    ).toEqual(['homelab https://homelab', 'cloud https://cloud']);
  });
});

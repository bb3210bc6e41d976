import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createClusterClient,
  readClusterConnections,
} from '@homelab/plugin-homelab-node';
import {
  KubernetesApiTestServer,
  snapshotServerOptions,
} from '@homelab/plugin-homelab-node/testUtils';
import path from 'node:path';
import { readHomelabBackendConfig } from '../config';
import { DatabaseHomelabStore } from '../database/DatabaseHomelabStore';
import {
  EXAMPLES_DIR,
  exampleEntities,
} from '../example/__testUtils__/exampleHomelab';
import { createCollectors } from './createCollectors';

jest.setTimeout(60_000);

/*
 * Issue 12: every API version of the security tools is read, or refused
 * with a warning naming it. Staging's recorded objects, served by a local
 * Kubernetes API whose discovery (/apis) says another version of a tool's
 * group, or none: its reports there are not read, and the collection says
 * which version the cluster serves and which this plugin reads.
 */

const TOKEN = 'homelab-reader-token';
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

type Group = {
  name: string;
  versions: Array<{ groupVersion: string; version: string }>;
  preferredVersion?: { groupVersion: string; version: string };
};

/** Staging as recorded, with a group served in other versions (none: not at all), and its objects moved there. */
function servingInstead(group: string, versions: string[]) {
  const { collections, documents } = snapshotServerOptions(
    path.join(EXAMPLES_DIR, 'snapshots', 'staging'),
  );
  const apis = documents!['/apis'] as { groups: Group[] };
  const groups = apis.groups.filter(g => g.name !== group);
  if (versions.length) {
    const served = versions.map(version => ({
      groupVersion: `${group}/${version}`,
      version,
    }));
    groups.push({ name: group, versions: served, preferredVersion: served[0] });
  }
  const moved: Record<string, unknown[]> = {};
  for (const [key, items] of Object.entries(collections)) {
    const [, apisPrefix, name, version, ...rest] = key.split('/');
    if (apisPrefix === 'apis' && name === group) {
      for (const other of versions)
        moved[['', 'apis', name, other, ...rest].join('/')] = items;
      if (versions.includes(version)) moved[key] = items;
    } else {
      moved[key] = items;
    }
  }
  return {
    collections: moved,
    documents: { ...documents, '/apis': { ...apis, groups } },
  };
}

async function collectSecurity(options: ReturnType<typeof servingInstead>) {
  const server = await KubernetesApiTestServer.start({
    ...options,
    token: TOKEN,
  });
  try {
    const config = new ConfigReader({
      homelab: {
        clusters: [
          {
            name: 'staging',
            url: server.url,
            caData: server.caData,
            token: TOKEN,
          },
        ],
      },
    });
    const store = await DatabaseHomelabStore.create(
      mockServices.database({ knex: await databases.init('SQLITE_3') }),
    );
    const collectors = createCollectors({
      config: readHomelabBackendConfig(config),
      logger: mockServices.logger.mock(),
      store,
      clients: readClusterConnections(config).map(createClusterClient),
      catalog: catalogServiceMock({ entities: await exampleEntities() }),
      auth: mockServices.auth(),
      urlReader: mockServices.urlReader.mock(),
    });
    await collectors.workloads!();
    await collectors.security!();
    const [freshness] = await store.collections.freshness(['security']);
    const [summary] = await store.posture.latestSummaries({
      scope: 'cluster',
    });
    return { freshness, summary };
  } finally {
    await server.stop();
  }
}

describe('security tools served in API versions this plugin does or does not read', () => {
  it('reads Trivy Operator and OpenReports in the versions the recording serves', async () => {
    const { freshness, summary } = await collectSecurity(
      servingInstead('aquasecurity.github.io', ['v1alpha1']),
    );
    expect(freshness.state).toBe('fresh');
    expect(freshness.warnings ?? []).not.toContainEqual(
      expect.stringMatching(/not read|not installed/),
    );
    expect(summary.vulnerabilities.critical).toBeGreaterThan(0);
    expect(summary.policy.pass).toBeGreaterThan(0);
  });

  it('refuses Trivy Operator reports of another version, naming it, and counts none of them', async () => {
    const { freshness, summary } = await collectSecurity(
      servingInstead('aquasecurity.github.io', ['v1alpha2']),
    );
    expect(freshness.warnings).toContain(
      'Trivy Operator reports are not read: the cluster serves aquasecurity.github.io/v1alpha2, and this plugin reads aquasecurity.github.io/v1alpha1',
    );
    expect(summary.vulnerabilities).toEqual({
      critical: 0,
      high: 0,
      medium: 0,
      low: 0,
      unknown: 0,
    });
    expect(summary.compliance ?? []).toEqual([]);
    // The policy reports are read all the same.
    expect(summary.policy.pass).toBeGreaterThan(0);
  });

  it('says Trivy Operator is not installed when the cluster does not serve its group', async () => {
    const { freshness } = await collectSecurity(
      servingInstead('aquasecurity.github.io', []),
    );
    expect(freshness.warnings).toContain(
      'Trivy Operator is not installed: the cluster does not serve aquasecurity.github.io/v1alpha1',
    );
  });

  it('refuses policy reports of an openreports.io version it does not read, naming it', async () => {
    const { freshness, summary } = await collectSecurity(
      servingInstead('openreports.io', ['v1beta1']),
    );
    expect(freshness.warnings).toContain(
      'Policy reports of openreports.io are not read: the cluster serves openreports.io/v1beta1, and this plugin reads openreports.io/v1alpha1',
    );
    expect(summary.policy).toEqual({
      pass: 0,
      fail: 0,
      warn: 0,
      error: 0,
      skip: 0,
      unknown: 0,
    });
    // Trivy Operator's reports are read all the same.
    expect(summary.vulnerabilities.critical).toBeGreaterThan(0);
  });
});

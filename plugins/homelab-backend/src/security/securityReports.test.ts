import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { DatabaseHomelabStore } from '../database/DatabaseHomelabStore';
import { EntityIndex } from '../workloads/EntityIndex';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { parsePolarisAudit } from './polaris';
import { parsePolicyReport } from './policyReports';
import { addReports } from './addReports';
import { PostureAggregator } from './PostureAggregator';
import {
  configurationScore,
  overallScore,
  policyScore,
  workloadVulnerabilityScore,
} from './postureScore';
import { listedSeverity, ParsedReport } from './reports';
import { parseTrivyReport, TrivyReport } from './trivy';

const CLUSTER = 'production';

const trivyLabels = (kind: string, name: string, container?: string) => ({
  'trivy-operator.resource.kind': kind,
  'trivy-operator.resource.name': name,
  'trivy-operator.resource.namespace': 'shop',
  ...(container ? { 'trivy-operator.container.name': container } : {}),
});

const vulnerabilityReport = (
  replicaSet: string,
  updateTimestamp: string,
  vulnerabilities: Array<[string, string, string]>,
): TrivyReport => ({
  kind: 'VulnerabilityReport',
  metadata: {
    name: `replicaset-${replicaSet}-web`,
    namespace: 'shop',
    labels: trivyLabels('ReplicaSet', replicaSet, 'web'),
  },
  report: {
    updateTimestamp,
    artifact: { repository: 'library/nginx', tag: '1.27.2' },
    vulnerabilities: vulnerabilities.map(([id, severity, resource]) => ({
      vulnerabilityID: id,
      severity,
      resource,
      installedVersion: '1.0.0',
      fixedVersion: '1.0.1',
      title: `${id} in ${resource}`,
      primaryLink: `https://avd.aquasec.com/nvd/${id.toLowerCase()}`,
    })),
  },
});

/** A web Deployment with two ReplicaSets (old and new), and a clean api Deployment. */
function shopReports(): ParsedReport[] {
  const reports: ParsedReport[] = [];
  const add = (report: TrivyReport) =>
    reports.push(parseTrivyReport(report, CLUSTER));
  add(
    vulnerabilityReport('web-7d9f8', '2026-11-22T01:00:00Z', [
      ['CVE-2024-0001', 'CRITICAL', 'libssl3'],
      ['CVE-2024-0001', 'CRITICAL', 'libcrypto3'],
      ['CVE-2024-0002', 'HIGH', 'zlib1g'],
      ['CVE-2024-0003', 'LOW', 'apt'],
    ]),
  );
  // The old ReplicaSet's report, written before the new one's, on an older
  // image: superseded, its findings and counts left out.
  add(
    vulnerabilityReport('web-5c4b2', '2026-11-20T01:00:00Z', [
      ['CVE-2024-0002', 'HIGH', 'zlib1g'],
      ['CVE-2023-9999', 'CRITICAL', 'openssl'],
    ]),
  );
  add({
    kind: 'VulnerabilityReport',
    metadata: {
      name: 'replicaset-api-6f7c1-api',
      namespace: 'shop',
      labels: trivyLabels('ReplicaSet', 'api-6f7c1', 'api'),
    },
    report: { vulnerabilities: [] },
  });
  add({
    kind: 'ExposedSecretReport',
    metadata: {
      name: 'replicaset-web-7d9f8-web',
      namespace: 'shop',
      labels: trivyLabels('ReplicaSet', 'web-7d9f8', 'web'),
    },
    report: {
      secrets: [
        {
          ruleID: 'aws-secret-access-key',
          title: 'AWS Secret Access Key',
          severity: 'CRITICAL',
          category: 'AWS',
          target: '/app/.env',
          // Trivy's report carries the match; it must never be copied.
          ...({
            match:
              'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          } as object),
        },
      ],
    },
  });
  add({
    kind: 'ConfigAuditReport',
    metadata: {
      name: 'deployment-web',
      namespace: 'shop',
      labels: trivyLabels('Deployment', 'web'),
    },
    report: {
      checks: [
        {
          checkID: 'KSV003',
          title: 'Default capabilities not dropped',
          severity: 'LOW',
          success: true,
        },
        {
          checkID: 'KSV014',
          title: 'Root file system is not read-only',
          severity: 'HIGH',
          success: false,
          messages: ['set readOnlyRootFilesystem'],
        },
        {
          checkID: 'KSV011',
          title: 'CPU not limited',
          severity: 'LOW',
          success: false,
        },
      ],
    },
  });
  add({
    kind: 'ClusterComplianceReport',
    metadata: { name: 'k8s-cis-1.23' },
    spec: { compliance: { title: 'CIS Kubernetes Benchmarks v1.23' } },
    status: { summary: { passCount: 10, failCount: 2 } },
  });
  reports.push(
    parsePolarisAudit(
      {
        Results: [
          {
            Name: 'web',
            Namespace: 'shop',
            Kind: 'Deployment',
            PodResult: {
              ContainerResults: [
                {
                  Name: 'web',
                  Results: {
                    cpuLimitsMissing: {
                      ID: 'cpuLimitsMissing',
                      Success: true,
                      Severity: 'warning',
                      Message: 'CPU limits are set',
                    },
                    memoryLimitsMissing: {
                      ID: 'memoryLimitsMissing',
                      Success: true,
                      Severity: 'warning',
                      Message: 'Memory limits are set',
                    },
                    privilegeEscalationAllowed: {
                      ID: 'privilegeEscalationAllowed',
                      Success: false,
                      Severity: 'danger',
                      Category: 'Security',
                      Message: 'Privilege escalation should not be allowed',
                    },
                    pullPolicyNotAlways: {
                      ID: 'pullPolicyNotAlways',
                      Success: false,
                      Severity: 'ignore',
                      Message: 'Image pull policy should be "Always"',
                    },
                  },
                },
              ],
            },
          },
        ],
      },
      CLUSTER,
      { kind: 'Polaris audit', name: 'polaris/polaris-dashboard/results.json' },
    ),
  );
  reports.push(
    parsePolicyReport(
      {
        kind: 'PolicyReport',
        metadata: { name: '0f7c', namespace: 'shop' },
        scope: { kind: 'Deployment', name: 'web', namespace: 'shop' },
        results: [
          {
            policy: 'disallow-privileged-containers',
            rule: 'privileged-containers',
            result: 'pass',
            severity: 'medium',
          },
          {
            policy: 'disallow-host-namespaces',
            rule: 'host-namespaces',
            result: 'pass',
            severity: 'medium',
          },
          {
            policy: 'disallow-latest-tag',
            rule: 'validate-image-tag',
            result: 'pass',
            severity: 'medium',
          },
          {
            policy: 'require-run-as-nonroot',
            rule: 'run-as-non-root',
            result: 'fail',
            severity: 'medium',
            category: 'Pod Security Standards (Restricted)',
            message: 'Running as root is not allowed.',
          },
          {
            policy: 'restrict-image-registries',
            rule: 'validate-registries',
            result: 'skip',
          },
        ],
      },
      CLUSTER,
    ),
  );
  return reports;
}

const workloads: WorkloadSnapshot = {
  namespaces: [{ name: 'shop' }],
  workloads: [
    {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
      labels: { 'backstage.io/kubernetes-id': 'web' },
      images: [],
    },
    {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'api',
      labels: { 'backstage.io/kubernetes-id': 'api' },
      images: [],
    },
  ],
  owners: {
    'ReplicaSet/shop/web-7d9f8': { kind: 'Deployment', name: 'web' },
    'ReplicaSet/shop/web-5c4b2': { kind: 'Deployment', name: 'web' },
    'ReplicaSet/shop/api-6f7c1': { kind: 'Deployment', name: 'api' },
  },
  loadBalancers: [],
};

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { 'backstage.io/kubernetes-id': name } },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

describe('posture scores', () => {
  it('take 25, 10, 3 and 1 points per unique critical, high, medium and low vulnerability, and 25 per exposed secret', () => {
    expect(
      workloadVulnerabilityScore(
        { critical: 1, high: 1, medium: 1, low: 1, unknown: 3 },
        0,
      ),
    ).toBe(61);
    expect(
      workloadVulnerabilityScore(
        { critical: 5, high: 0, medium: 0, low: 0, unknown: 0 },
        0,
      ),
    ).toBe(0);
    expect(
      workloadVulnerabilityScore(
        { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 },
        1,
      ),
    ).toBe(75);
  });

  it('score configuration as Polaris does, and policies by the share that passed', () => {
    // floor(6 / (6 + 1 + 4) x 100)
    expect(configurationScore({ successes: 3, warnings: 1, dangers: 2 })).toBe(
      54,
    );
    // 29 / 100 x 100 is 28.999999999999996 in floating point: Polaris says 28.
    expect(
      configurationScore({ successes: 29, warnings: 0, dangers: 71 }),
    ).toBe(28);
    expect(
      configurationScore({ successes: 0, warnings: 0, dangers: 0 }),
    ).toBeNull();
    const counts = { pass: 3, fail: 1, warn: 0, error: 0, skip: 5, unknown: 2 };
    expect(policyScore(counts)).toBe(75);
    expect(policyScore({ ...counts, pass: 0, fail: 0 })).toBeNull();
  });

  it('are unknown, never perfect, when nothing measured them', () => {
    expect(overallScore([null, null, null])).toBeNull();
    expect(overallScore([40, null, 81])).toBe(61);
  });
});

describe('the aggregation of a cluster, stored as the collector stores it', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const at = new Date('2026-11-22T06:00:00.000Z');

  async function posture(
    reports = shopReports(),
    cluster = CLUSTER,
    // null: the workloads are not known yet.
    snapshot: WorkloadSnapshot | null = workloads,
  ) {
    const store = await DatabaseHomelabStore.create(
      mockServices.database({ knex: await databases.init('SQLITE_3') }),
    );
    const aggregator = new PostureAggregator(
      cluster,
      snapshot ?? undefined,
      new EntityIndex([component('web'), component('api')]),
    );
    await store.posture.beginPosture(cluster);
    await addReports(
      aggregator,
      reports,
      report => report,
      () => store.posture.stageFindings(cluster, aggregator.takeFindings(), at),
    );
    const result = aggregator.finish(at.toISOString());
    const count = await store.posture.commitPosture(cluster, {
      ...result,
      collectedAt: at,
    });
    const { items } = await store.posture.findings(
      {},
      { offset: 0, limit: 1000 },
    );
    expect(items).toHaveLength(count);
    return { findings: items, ...result };
  }

  it('puts findings on Deployments rather than ReplicaSets and on their entities, leaving out the old ReplicaSet', async () => {
    const { findings } = await posture();
    const vulnerabilities = findings.filter(f => f.source === 'vulnerability');
    expect(
      vulnerabilities.map(f => `${f.checkId} ${f.resource}`).sort(),
    ).toEqual([
      'CVE-2024-0001 libcrypto3',
      'CVE-2024-0001 libssl3',
      'CVE-2024-0002 zlib1g',
      'CVE-2024-0003 apt',
    ]);
    for (const finding of vulnerabilities) {
      expect(finding).toMatchObject({
        workload: { kind: 'Deployment', name: 'web' },
        entityRef: 'component:default/web',
        container: 'web',
        namespace: 'shop',
        message: 'in library/nginx:1.27.2',
      });
    }
    // Everything the report lists of it, and nothing else.
    expect(
      vulnerabilities.find(f => f.checkId === 'CVE-2024-0002'),
    ).toStrictEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      cluster: CLUSTER,
      source: 'vulnerability',
      severity: 'high',
      checkId: 'CVE-2024-0002',
      title: 'CVE-2024-0002 in zlib1g',
      namespace: 'shop',
      message: 'in library/nginx:1.27.2',
      workload: { kind: 'Deployment', name: 'web' },
      container: 'web',
      resource: 'zlib1g',
      installedVersion: '1.0.0',
      fixedVersion: '1.0.1',
      link: 'https://avd.aquasec.com/nvd/cve-2024-0002',
      entityRef: 'component:default/web',
    });
    expect(findings.map(f => f.source).sort()).toEqual([
      'config-audit',
      'config-audit',
      'exposed-secret',
      'polaris',
      'policy',
      'vulnerability',
      'vulnerability',
      'vulnerability',
      'vulnerability',
    ]);
  });

  it('keeps finding ids stable across collections, and never copies a matched secret', async () => {
    const first = (await posture()).findings.map(f => f.id).sort();
    expect((await posture()).findings.map(f => f.id).sort()).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(JSON.stringify(await posture())).not.toContain('wJalrXUtnFEMI');
  });

  it('scores the entity from its vulnerabilities, secrets, checks and policies', async () => {
    const web = (await posture()).summaries.find(
      s => s.key === 'production:component:default/web',
    );
    expect(web).toMatchObject({
      scope: 'entity',
      cluster: CLUSTER,
      entityRef: 'component:default/web',
      // 100 - 25 (CVE-2024-0001, one vulnerability in two packages) - 10 - 1 - 25 (the secret)
      vulnerabilityScore: 39,
      // Trivy: 1 passed, a high (danger) and a low (warning) failed; Polaris:
      // 2 passed, a danger and an ignored check failed, which Polaris's own
      // score counts as a danger too: floor(6 / (6 + 1 + 6) x 100).
      configScore: 46,
      policyScore: 75,
      score: 53,
      vulnerabilities: { critical: 2, high: 1, medium: 0, low: 1, unknown: 0 },
      misconfigurations: {
        critical: 0,
        high: 2,
        medium: 0,
        low: 1,
        unknown: 0,
      },
      exposedSecrets: 1,
      policy: { pass: 3, fail: 1, warn: 0, error: 0, skip: 1, unknown: 0 },
      workloads: 1,
    });
  });

  it('counts a vulnerability found in two containers of one workload once', async () => {
    const reports = shopReports();
    reports.push(
      parseTrivyReport(
        {
          kind: 'VulnerabilityReport',
          metadata: {
            name: 'replicaset-web-7d9f8-sidecar',
            namespace: 'shop',
            labels: trivyLabels('ReplicaSet', 'web-7d9f8', 'sidecar'),
          },
          report: {
            vulnerabilities: [
              {
                vulnerabilityID: 'CVE-2024-0001',
                severity: 'CRITICAL',
                resource: 'libssl3',
              },
              {
                vulnerabilityID: 'CVE-2024-0099',
                severity: 'MEDIUM',
                resource: 'busybox',
              },
            ],
          },
        },
        CLUSTER,
      ),
    );
    const web = (await posture(reports)).summaries.find(
      s => s.key === 'production:component:default/web',
    );
    // 39 as above, less 3 for CVE-2024-0099: CVE-2024-0001 in the sidecar
    // is the web container's, already counted.
    expect(web).toMatchObject({ vulnerabilityScore: 36, workloads: 1 });
  });

  it('counts a clean scan as a perfect workload in the cluster, with the compliance reports', async () => {
    const { summaries } = await posture();
    expect(
      summaries.find(s => s.key === 'production:component:default/api'),
    ).toMatchObject({
      vulnerabilityScore: 100,
      configScore: null,
      policyScore: null,
      score: 100,
    });
    expect(summaries.find(s => s.scope === 'cluster')).toMatchObject({
      key: CLUSTER,
      vulnerabilityScore: 70, // mean of 39 and 100
      configScore: 46,
      policyScore: 75,
      score: 64,
      workloads: 2,
      compliance: [
        {
          name: 'k8s-cis-1.23',
          title: 'CIS Kubernetes Benchmarks v1.23',
          pass: 10,
          fail: 2,
        },
      ],
    });
    expect(summaries.find(s => s.scope === 'namespace')).toMatchObject({
      key: 'production/shop',
      namespace: 'shop',
      score: 64,
    });
  });

  it('gives a cluster without any report an unknown score', async () => {
    const { summaries, findings } = await posture([], 'staging', null);
    expect(findings).toEqual([]);
    expect(summaries).toEqual([
      expect.objectContaining({
        scope: 'cluster',
        key: 'staging',
        score: null,
        workloads: 0,
      }),
    ]);
  });

  it('leaves findings on ReplicaSets when the workloads are not known yet', async () => {
    const { findings } = await posture(shopReports(), CLUSTER, null);
    expect(findings.find(f => f.checkId === 'CVE-2024-0003')).toMatchObject({
      workload: { kind: 'ReplicaSet', name: 'web-7d9f8' },
    });
    // Two ReplicaSets, two reports that count: without owners they are not
    // known to be revisions of one workload.
    expect(findings.filter(f => f.checkId === 'CVE-2024-0002')).toHaveLength(2);
  });
});

describe('a severity that is not one', () => {
  it("counts a name of an object's own properties as an unknown severity, never as one", () => {
    const parsed = parsePolicyReport(
      {
        kind: 'PolicyReport',
        metadata: { name: 'falco', namespace: 'shop' },
        results: ['constructor', 'toString', '__proto__'].map(priority => ({
          policy: 'falco-rules',
          rule: `a rule of priority ${priority}`,
          result: 'fail',
          properties: { priority },
        })),
      },
      CLUSTER,
    );
    expect(parsed.findings.map(f => f.severity)).toEqual([
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(parsed.warnings).toEqual([
      'PolicyReport shop/falco: 3 result(s) without a severity, counted as unknown',
    ]);
  });
});

describe('Trivy severities', () => {
  it('reads them in any case, NONE as unknown, and counts what is not one as unknown with a warning', () => {
    const severities = ['CRITICAL', 'high', 'Medium', 'LOW', 'UNKNOWN', 'NONE'];
    const parsed = parseTrivyReport(
      {
        kind: 'VulnerabilityReport',
        metadata: { name: 'replicaset-web-7d9f8-web', namespace: 'shop' },
        report: {
          vulnerabilities: [...severities, 'constructor', undefined].map(
            (severity, index) => ({
              vulnerabilityID: `CVE-2024-${10000 + index}`,
              severity,
            }),
          ),
        },
      },
      CLUSTER,
    );
    // As each finding is made when it is stored.
    expect(parsed.vulnerabilities?.items.map(listedSeverity)).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
    // Without a summary, the listed vulnerabilities are what counts.
    expect(parsed.tallies.map(tally => tally.counts)).toEqual([
      {
        vulnerabilities: {
          critical: 1,
          high: 1,
          medium: 1,
          low: 1,
          unknown: 4,
        },
      },
    ]);
    expect(parsed.warnings).toEqual([
      'VulnerabilityReport shop/replicaset-web-7d9f8-web: 2 vulnerabilities without a severity Trivy uses, counted as unknown',
    ]);
  });
});

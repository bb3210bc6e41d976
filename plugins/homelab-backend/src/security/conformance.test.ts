import { Finding, PostureSummary } from '@homelab/plugin-homelab-common';
import { madeFindings } from '../database/PostureStore';
import { EntityIndex } from '../workloads/EntityIndex';
import { corpusFiles, corpusObjects } from './__testUtils__/securityCorpus';
import { parsePolarisAudit } from './polaris';
import {
  POLICY_REPORT_APIS,
  servedPolicyReportTypes,
} from './policyReportApis';
import { parsePolicyReport } from './policyReports';
import { PostureAggregator } from './PostureAggregator';
import { ParsedReport } from './reports';
import { parseTrivyReport } from './trivy';

/*
 * The conformance corpus: real reports of Trivy Operator, Polaris and the
 * policy engines (test/fixtures/security/SOURCE.md). For every file: the
 * counts per severity and result equal the report's own summary, no two
 * distinct findings share an id, nothing is NaN, and a summary that
 * disagrees with the listed results is kept and flagged with both.
 */

const CLUSTER = 'lab';

function aggregate(reports: ParsedReport[]) {
  const aggregator = new PostureAggregator(
    CLUSTER,
    undefined,
    new EntityIndex([]),
  );
  const findings: Finding[] = [];
  for (const report of reports) {
    aggregator.add(report);
    findings.push(...madeFindings(aggregator.takeFindings()));
  }
  const { summaries, warnings } = aggregator.finish('2026-11-22T06:00:00.000Z');
  const cluster = summaries.find(s => s.scope === 'cluster')!;
  return { reports, findings, summaries, cluster, warnings };
}

const trivy = (file: string) =>
  aggregate(corpusObjects(file).map(r => parseTrivyReport(r, CLUSTER)));
const policy = (file: string) =>
  aggregate(corpusObjects(file).map(r => parsePolicyReport(r, CLUSTER)));
const polaris = (file: string) =>
  aggregate(
    corpusObjects(file).map(audit =>
      parsePolarisAudit(audit, CLUSTER, { kind: 'Polaris audit', name: file }),
    ),
  );

const severities = (counts: Partial<PostureSummary['vulnerabilities']>) => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  unknown: 0,
  ...counts,
});
const results = (counts: Partial<PostureSummary['policy']>) => ({
  pass: 0,
  fail: 0,
  warn: 0,
  error: 0,
  skip: 0,
  unknown: 0,
  ...counts,
});

/** Every finding is its own, nothing is NaN, and every count is a whole number. */
function expectSound(result: ReturnType<typeof aggregate>) {
  const ids = result.findings.map(f => f.id);
  expect(new Set(ids).size).toBe(ids.length);
  const text = JSON.stringify(result.summaries);
  expect(text).not.toMatch(/NaN|undefined|Infinity/);
  for (const summary of result.summaries) {
    for (const counts of [
      summary.vulnerabilities,
      summary.misconfigurations,
      summary.policy,
    ]) {
      for (const value of Object.values(counts))
        expect(Number.isInteger(value)).toBe(true);
    }
  }
  for (const finding of result.findings) {
    expect(finding.severity).toMatch(/^(critical|high|medium|low|unknown)$/);
    expect(finding.checkId).toEqual(expect.any(String));
  }
}

describe('Trivy Operator reports (aquasecurity.github.io/v1alpha1)', () => {
  it.each([
    [
      'trivy-operator/vulnerabilityreport-docs-nginx.yaml',
      { vulnerabilities: severities({ critical: 2 }) },
      2,
    ],
    [
      'trivy-operator/clustervulnerabilityreport-docs-k8s.yaml',
      { vulnerabilities: severities({ high: 4, medium: 9, low: 2 }) },
      15,
    ],
    [
      'trivy-operator/exposedsecretreport-docs-app.yaml',
      { exposedSecrets: 2 },
      2,
    ],
    [
      'trivy-operator/configauditreport-envtest-wordpress.yaml',
      { misconfigurations: severities({ high: 1, medium: 3, low: 9 }) },
      13,
    ],
    [
      'trivy-operator/configauditreport-envtest-cronjob-hello.yaml',
      { misconfigurations: severities({ high: 1, medium: 3, low: 9 }) },
      13,
    ],
    [
      'trivy-operator/rbacassessmentreport-docs-role.yaml',
      { misconfigurations: severities({ critical: 1 }), configScore: 93 },
      1,
    ],
    [
      'trivy-operator/rbacassessmentreport-envtest-proxy.yaml',
      { misconfigurations: severities({ medium: 1 }) },
      1,
    ],
    [
      'trivy-operator/infraassessmentreport-docs-apiserver.yaml',
      {
        misconfigurations: severities({ medium: 1, low: 10 }),
        configScore: 85,
      },
      11,
    ],
    [
      'trivy-operator/infraassessmentreport-envtest-apiserver.yaml',
      { misconfigurations: severities({ medium: 1, low: 8 }) },
      9,
    ],
    [
      'trivy-operator/clusterrbacassessmentreport-builder-test-node-controller.yaml',
      { misconfigurations: severities({}), configScore: null },
      0,
    ],
    [
      'trivy-operator/clusterconfigauditreport-builder-test-node-controller.yaml',
      { misconfigurations: severities({}), configScore: null },
      0,
    ],
  ])(
    '%s: counts equal its summary, each finding its own',
    (file, expected, findings) => {
      const result = trivy(file);
      expectSound(result);
      expect(result.cluster).toMatchObject(expected);
      expect(result.findings).toHaveLength(findings);
      expect(result.cluster.discrepancies).toBeUndefined();
    },
  );

  it('keeps two secrets of one rule in one file apart by their match, and never copies it', () => {
    const { findings, cluster } = trivy(
      'trivy-operator/exposedsecretreport-docs-app.yaml',
    );
    expect(findings.map(f => [f.checkId, f.message, f.severity])).toEqual([
      ['stripe-access-token', 'in /app/config/secret.yaml', 'high'],
      ['stripe-access-token', 'in /app/config/secret.yaml', 'high'],
    ]);
    expect(new Set(findings.map(f => f.id)).size).toBe(2);
    expect(cluster.exposedSecrets).toBe(2);
    expect(JSON.stringify(findings)).not.toMatch(/publishable_key|secret_key/);
  });

  it('counts what a ConfigAuditReport summary says, and flags that its checks say less', () => {
    const { cluster, findings, warnings } = trivy(
      'trivy-operator/configauditreport-docs-nginx.yaml',
    );
    expect(cluster.misconfigurations).toEqual(
      severities({ critical: 2, low: 9 }),
    );
    expect(cluster.discrepancies).toEqual([
      {
        apiVersion: 'aquasecurity.github.io/v1alpha1',
        kind: 'ConfigAuditReport',
        name: 'replicaset-nginx-6d4cf56db6',
        namespace: 'default',
        summary: { critical: 2, low: 9 },
        listed: { critical: 1, low: 1 },
      },
    ]);
    expect(findings.map(f => f.checkId).sort()).toEqual([
      'notReadOnlyRootFilesystem',
      'privilegeEscalationAllowed',
    ]);
    // Its listed checks: 3 passed, a critical (danger) and a low (warning) failed.
    expect(cluster.configScore).toBe(66);
    expect(warnings).toContain(
      '1 report(s) disagree with their own summary; the counts follow the summaries (ConfigAuditReport default/replicaset-nginx-6d4cf56db6)',
    );
  });

  it('leaves reports of failed checks only out of the configuration score, and says so', () => {
    const { cluster, warnings } = trivy(
      'trivy-operator/configauditreport-envtest-wordpress.yaml',
    );
    expect(cluster.configScore).toBeNull();
    expect(warnings).toEqual([
      expect.stringMatching(
        /^1 Trivy report\(s\) list only failed checks .*left out of the configuration score$/,
      ),
    ]);
  });

  it('finds what each report is about: labels, the name annotation of long names, or the owner', () => {
    const about = (file: string) =>
      trivy(file).reports[0].tallies.map(t => t.target);
    expect(about('trivy-operator/rbacassessmentreport-docs-role.yaml')).toEqual(
      [
        {
          kind: 'Role',
          name: 'system:controller:token-cleaner',
          namespace: 'default',
        },
      ],
    );
    expect(
      about(
        'trivy-operator/clusterrbacassessmentreport-builder-test-node-controller.yaml',
      ),
    ).toEqual([
      { kind: 'ClusterRole', name: 'system:controller:node-controller' },
    ]);
    expect(
      about('trivy-operator/infraassessmentreport-envtest-apiserver.yaml'),
    ).toEqual([
      { kind: 'Pod', name: 'my-pod-kube-apiserver', namespace: 'kube-system' },
    ]);
  });

  it.each([
    [
      'trivy-operator/clustercompliancereport-envtest-nsa-summary.yaml',
      'nsa-summary',
    ],
    [
      'trivy-operator/clustercompliancereport-envtest-nsa-detail.yaml',
      'nsa-all',
    ],
  ])('%s: its controls as its summary counts them', (file, name) => {
    const { cluster } = trivy(file);
    expect(cluster.compliance).toEqual([
      expect.objectContaining({ name, pass: 1, fail: 1 }),
    ]);
    expect(cluster.discrepancies).toBeUndefined();
  });

  it.each([
    'trivy-operator/clustercompliancereport-docs-nsa-summary.yaml',
    'trivy-operator/clustercompliancereport-docs-nsa-all.yaml',
  ])(
    '%s: its 27 controls as listed, which equal the totals its page states, and a warning that it has no summary',
    file => {
      const { cluster, warnings } = trivy(file);
      // The documentation's totals are under status.totalCounts, a field
      // the CRD never defined (its printer columns once named it; the API
      // server prunes it), so the report has no summary to read.
      const stated = corpusObjects(file)[0].status.totalCounts;
      expect(stated).toEqual({ failCount: 12, passCount: 15 });
      expect(cluster.compliance).toEqual([
        {
          name: 'nsa',
          title: 'nsa',
          pass: stated.passCount,
          fail: stated.failCount,
        },
      ]);
      expect(cluster.discrepancies).toBeUndefined();
      expect(warnings).toEqual([
        'ClusterComplianceReport nsa: no summary, so its listed controls are counted',
      ]);
    },
  );

  it('covers every Trivy fixture', () => {
    expect(corpusFiles('trivy-operator')).toHaveLength(16);
  });
});

describe('Polaris audits', () => {
  it('scores an audit as Polaris does: its own Score of 48, failures of both severities at every level', () => {
    const { cluster, findings, summaries } = polaris(
      'polaris/audit-helm-mywebapp.json',
    );
    expect(cluster.configScore).toBe(48);
    expect(cluster.misconfigurations).toEqual(
      severities({ high: 5, medium: 29 }),
    );
    expect(findings).toHaveLength(34);
    expect(new Set(findings.map(f => f.id)).size).toBe(34);
    expect(cluster.discrepancies).toBeUndefined();
    // Controller-level results count too (the Deployment's
    // missingPodDisruptionBudget), on the controller.
    expect(
      findings.find(f => f.checkId === 'missingPodDisruptionBudget'),
    ).toMatchObject({
      workload: { kind: 'Deployment', name: 'release-name-mywebapp' },
    });
    expect(findings.filter(f => f.container === 'wget')).not.toHaveLength(0);
    expectSound({ findings, summaries } as any);
  });

  it('takes the passed checks of an audit run with --only-show-failed-tests from its Score', () => {
    const { cluster, findings, warnings } = polaris(
      'polaris/audit-helm-mywebapp-only-failed-tests.json',
    );
    expect(findings).toHaveLength(34);
    expect(cluster.configScore).toBe(49);
    expect(cluster.discrepancies).toEqual([
      expect.objectContaining({
        kind: 'Polaris audit',
        summary: { score: 49 },
        listed: { score: 0 },
      }),
    ]);
    expect(warnings).toContainEqual(
      expect.stringMatching(/lists only failed checks.*Score/),
    );
  });

  it('scores an audit without failures 100, with no findings', () => {
    const { cluster, findings } = polaris('polaris/output-example.json');
    expect(findings).toEqual([]);
    expect(cluster.configScore).toBe(100);
    expect(cluster.misconfigurations).toEqual(severities({}));
  });
});

describe('policy reports', () => {
  it.each([
    [
      'policy-reports/wg-policy-prototypes/kube-bench-adapter-policy-report.yaml',
      results({ pass: 37, fail: 36, warn: 49 }),
      85,
      false,
    ],
    [
      'policy-reports/wg-policy-prototypes/kubearmor-adapter-res.yaml',
      results({ fail: 3 }),
      3,
      false,
    ],
    [
      'policy-reports/wg-policy-prototypes/trivy-adapter-policyreport.yaml',
      results({ fail: 7, warn: 4, error: 2, skip: 1 }),
      14,
      true,
    ],
    [
      'policy-reports/wg-policy-prototypes/sample-cis-k8s.yaml',
      results({ pass: 8, fail: 2 }),
      3,
      true,
    ],
    [
      'policy-reports/wg-policy-prototypes/sample-co.yaml',
      results({ pass: 8, fail: 1, warn: 1 }),
      2,
      true,
    ],
    [
      'policy-reports/wg-policy-prototypes/sample-falco-policy.yaml',
      results({ fail: 2 }),
      2,
      false,
    ],
    [
      'policy-reports/wg-policy-prototypes/sample-rhacm-policy.yaml',
      results({ pass: 1, fail: 11 }),
      1,
      true,
    ],
    [
      'policy-reports/wg-policy-prototypes/sample-v1beta1-kyverno.yaml',
      results({ pass: 1 }),
      0,
      false,
    ],
    [
      'policy-reports/wg-policy-prototypes/sample-v1beta2-kyverno.yaml',
      results({ pass: 1 }),
      0,
      false,
    ],
    [
      'policy-reports/openreports/sample-cis-k8s.yaml',
      results({ pass: 8, fail: 2 }),
      3,
      true,
    ],
    [
      'policy-reports/openreports/sample-co.yaml',
      results({ pass: 8, fail: 1, warn: 1 }),
      2,
      true,
    ],
    [
      'policy-reports/openreports/sample-falco-policy.yaml',
      results({ fail: 2 }),
      2,
      false,
    ],
    [
      'policy-reports/openreports/sample-rhacm-policy.yaml',
      results({ pass: 1, fail: 11 }),
      1,
      true,
    ],
    [
      'policy-reports/openreports/sample-v1beta1-kyverno.yaml',
      results({ pass: 1 }),
      0,
      false,
    ],
    [
      'policy-reports/openreports/sample-v1beta2-kyverno.yaml',
      results({ pass: 1 }),
      0,
      false,
    ],
    [
      'policy-reports/kyverno/policyreport-docs-kube-apiserver.yaml',
      results({ pass: 10, fail: 2 }),
      1,
      true,
    ],
    [
      'policy-reports/kyverno/reports-docs-openreports.yaml',
      results({ fail: 1 }),
      1,
      false,
    ],
    [
      'policy-reports/kyverno/clusterpolicyreport-cli-v1alpha1.yaml',
      results({ pass: 1, fail: 1 }),
      1,
      false,
    ],
    [
      'policy-reports/kyverno/clusterpolicyreport-cli-validatingadmissionpolicy.yaml',
      results({ fail: 1 }),
      1,
      false,
    ],
    [
      'policy-reports/kyverno/clusterpolicyreport-docs-require-ns-labels.yaml',
      results({ fail: 5 }),
      5,
      false,
    ],
    [
      'policy-reports/kyverno/clusterpolicyreports-docs-exception-skip.yaml',
      results({ pass: 1, skip: 1 }),
      0,
      false,
    ],
    [
      'policy-reports/kyverno/clusterreport-cli-validatingpolicy.yaml',
      results({ pass: 1, fail: 1 }),
      1,
      false,
    ],
    [
      'policy-reports/kyverno/clusterreport-cli-exception-skip.yaml',
      results({ skip: 1 }),
      0,
      false,
    ],
    [
      'policy-reports/trivy-operator-polr-adapter/vulnerabilityreport-polr-nginx.yaml',
      results({ fail: 109, warn: 166, skip: 1 }),
      1,
      true,
    ],
    [
      'policy-reports/trivy-operator-polr-adapter/configauditreport-polr-nginx.yaml',
      results({ pass: 42, fail: 26 }),
      0,
      true,
    ],
    [
      'policy-reports/trivy-operator-polr-adapter/rbacassessmentreport-polr-kyverno-leaderelection.yaml',
      results({ pass: 1, fail: 1 }),
      1,
      false,
    ],
    [
      'policy-reports/trivy-operator-polr-adapter/clusterrbacassessmentreport-cpolr-kubelet-serving-approver.yaml',
      results({ pass: 2 }),
      0,
      false,
    ],
    [
      'policy-reports/trivy-operator-polr-adapter/clustercompliancereport-cpolr-nsa.yaml',
      results({ fail: 2 }),
      2,
      false,
    ],
    [
      'policy-reports/trivy-operator-polr-adapter/infraassessmentreport-polr-kube-apiserver.yaml',
      results({ fail: 1 }),
      1,
      false,
    ],
  ])(
    '%s: results as its summary counts them, each finding its own',
    (file, counted, findings, disagrees) => {
      const result = policy(file);
      expectSound(result);
      expect(result.cluster.policy).toEqual(counted);
      expect(result.findings).toHaveLength(findings);
      expect(!!result.cluster.discrepancies).toBe(disagrees);
    },
  );

  it.each(corpusFiles('policy-reports').filter(file => file.endsWith('.yaml')))(
    '%s: the counts are the sum of its reports’ own summaries, nothing NaN, no id shared',
    file => {
      const reports = corpusObjects(file);
      const stated = results({});
      for (const report of reports) {
        expect(report.summary).toBeDefined();
        for (const outcome of [
          'pass',
          'fail',
          'warn',
          'error',
          'skip',
        ] as const)
          stated[outcome] += report.summary[outcome] ?? 0;
      }
      const result = policy(file);
      expectSound(result);
      expect(result.cluster.policy).toEqual(stated);
    },
  );

  it('never collapses the results of one policy on different resources or checks', () => {
    const kubeBench = policy(
      'policy-reports/wg-policy-prototypes/kube-bench-adapter-policy-report.yaml',
    );
    // 85 failed or warned results of only 14 policy/rule pairs.
    expect(
      new Set(kubeBench.findings.map(f => f.checkId)).size,
    ).toBeLessThanOrEqual(14);
    expect(new Set(kubeBench.findings.map(f => f.id)).size).toBe(85);
    const kubeArmor = policy(
      'policy-reports/wg-policy-prototypes/kubearmor-adapter-res.yaml',
    );
    expect(kubeArmor.findings.map(f => f.checkId)).toEqual([
      'ksp-group-1-proc-path-block',
      'ksp-group-1-proc-path-block',
      'ksp-group-1-proc-path-block',
    ]);
    expect(new Set(kubeArmor.findings.map(f => f.id)).size).toBe(3);
    // Kyverno: one rule failed on five Namespaces, the same message each.
    const namespaces = policy(
      'policy-reports/kyverno/clusterpolicyreport-docs-require-ns-labels.yaml',
    );
    expect(new Set(namespaces.findings.map(f => f.message)).size).toBe(1);
    expect(namespaces.findings.map(f => f.workload)).toEqual(
      [
        'kube-node-lease',
        'default',
        'kyverno',
        'kube-public',
        'kube-system',
      ].map(name => ({ kind: 'Namespace', name })),
    );
    expect(new Set(namespaces.findings.map(f => f.id)).size).toBe(5);
  });

  it("reads wgpolicyk8s.io/v1alpha1's outcome from status (Kyverno CLI's report)", () => {
    const { findings, warnings } = policy(
      'policy-reports/kyverno/clusterpolicyreport-cli-v1alpha1.yaml',
    );
    expect(
      findings.map(f => [f.title, f.namespace, f.workload, f.severity]),
    ).toEqual([
      [
        'Policy violation: require-pod-requests-limits/validate-resources',
        'default',
        { kind: 'Pod', name: 'nginx2' },
        'unknown',
      ],
    ]);
    expect(warnings).not.toContainEqual(
      expect.stringContaining('without a result'),
    );
    expect(warnings).toContain(
      'ClusterPolicyReport clusterpolicyreport: 1 result(s) without a severity, counted as unknown',
    );
  });

  it.each([
    [
      'policy-reports/kyverno/clusterpolicyreports-docs-exception-skip.yaml',
      results({ pass: 1, skip: 1 }),
      100,
    ],
    [
      'policy-reports/kyverno/clusterreport-cli-exception-skip.yaml',
      results({ skip: 1 }),
      null,
    ],
  ])(
    '%s: a result Kyverno skipped for a PolicyException counts as skipped, not as a finding',
    (file, counted, score) => {
      const { cluster, findings } = policy(file);
      expect(cluster.policy).toEqual(counted);
      expect(findings).toEqual([]);
      // A skipped result is neither passed nor failed.
      expect(cluster.policyScore).toBe(score);
    },
  );

  it("flags the Trivy Operator adapter's abbreviated report and keeps both counts", () => {
    const { cluster, findings } = policy(
      'policy-reports/trivy-operator-polr-adapter/vulnerabilityreport-polr-nginx.yaml',
    );
    expect(cluster.discrepancies).toEqual([
      {
        apiVersion: 'wgpolicyk8s.io/v1alpha2',
        kind: 'PolicyReport',
        name: 'trivy-vuln-polr-nginx-5fbc65fff',
        namespace: 'test',
        summary: { fail: 109, warn: 166, skip: 1 },
        listed: { warn: 1 },
      },
    ]);
    expect(
      findings.map(f => [f.title, f.severity, f.namespace, f.workload]),
    ).toEqual([
      [
        'Policy warning: CVE-2020-27350',
        'medium',
        'test',
        { kind: 'ReplicaSet', name: 'nginx-5fbc65fff' },
      ],
    ]);
  });

  it('counts results without a result as unknown, with a warning, and keeps the summary it disagrees with', () => {
    const { cluster, findings, warnings } = policy(
      'policy-reports/wg-policy-prototypes/trivy-adapter-policyreport.yaml',
    );
    expect(cluster.discrepancies).toEqual([
      expect.objectContaining({
        name: 'pod-zipkin-6b59cc5ddb-bp9h8-zipkin',
        summary: { fail: 7, warn: 4, error: 2, skip: 1 },
        listed: { unknown: 14 },
      }),
    ]);
    expect(
      findings.every(f => f.title.startsWith('Policy result unknown')),
    ).toBe(true);
    // One result has neither a severity nor a policy name.
    expect(findings.filter(f => f.severity === 'unknown')).toHaveLength(1);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'PolicyReport default/pod-zipkin-6b59cc5ddb-bp9h8-zipkin: 14 result(s) without a result its API defines, counted as unknown',
        'PolicyReport default/pod-zipkin-6b59cc5ddb-bp9h8-zipkin: 1 result(s) without a severity, counted as unknown',
      ]),
    );
  });

  it('scores policies from the summary where the engine lists only its failures', () => {
    expect(
      policy('policy-reports/wg-policy-prototypes/sample-cis-k8s.yaml').cluster
        .policyScore,
    ).toBe(80);
    expect(
      policy('policy-reports/wg-policy-prototypes/sample-co.yaml').cluster
        .policyScore,
    ).toBe(80);
  });

  it("reads Falco's severity from the properties", () => {
    const { findings } = policy(
      'policy-reports/wg-policy-prototypes/sample-falco-policy.yaml',
    );
    expect(findings.map(f => [f.checkId, f.severity, f.namespace])).toEqual([
      ['Change thread namespace', 'low', 'my-namespace'],
      ['audit', 'medium', undefined],
    ]);
  });

  it("puts a Kyverno report's results on its scope", () => {
    const { summaries } = policy(
      'policy-reports/kyverno/reports-docs-openreports.yaml',
    );
    expect(summaries.map(s => [s.scope, s.key, s.policy.fail])).toEqual([
      ['cluster', CLUSTER, 1],
      ['namespace', `${CLUSTER}/default`, 1],
    ]);
  });

  it('reads every API version of the corpus, one version per group, and names any it does not read', () => {
    const apis = corpusObjects(
      'policy-reports/apis-served-by-the-crds.json',
    )[0];
    const served = new Map<string, string[]>(
      apis.groups.map((g: any) => [
        g.name,
        g.versions.map((v: any) => v.version),
      ]),
    );
    const { types, warnings } = servedPolicyReportTypes(served);
    expect(types.map(t => `${t.plural}.${t.group}/${t.version}`)).toEqual([
      'policyreports.wgpolicyk8s.io/v1beta1',
      'clusterpolicyreports.wgpolicyk8s.io/v1beta1',
      'policyreports.reports.x-k8s.io/v1beta2',
      'clusterpolicyreports.reports.x-k8s.io/v1beta2',
      'reports.openreports.io/v1alpha1',
      'clusterreports.openreports.io/v1alpha1',
    ]);
    expect(warnings).toEqual([]);

    const versions = new Set(
      corpusFiles('policy-reports')
        .filter(file => file.endsWith('.yaml'))
        .flatMap(file => corpusObjects(file).map((r: any) => r.apiVersion)),
    );
    const known = POLICY_REPORT_APIS.flatMap(api =>
      api.versions.map(v => `${api.group}/${v}`),
    );
    expect([...versions].sort()).toEqual([
      'openreports.io/v1alpha1',
      'reports.x-k8s.io/v1beta1',
      'wgpolicyk8s.io/v1alpha1',
      'wgpolicyk8s.io/v1alpha2',
      'wgpolicyk8s.io/v1beta1',
    ]);
    for (const version of versions) expect(known).toContain(version);

    expect(
      servedPolicyReportTypes(new Map([['wgpolicyk8s.io', ['v2']]])),
    ).toEqual({
      types: [],
      warnings: [
        'Policy reports of wgpolicyk8s.io are not read: the cluster serves wgpolicyk8s.io/v2, and this plugin reads wgpolicyk8s.io/v1beta1, wgpolicyk8s.io/v1alpha2, wgpolicyk8s.io/v1alpha1',
      ],
    });
  });
});

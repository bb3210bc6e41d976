import {
  AppDrift,
  BlastRadius,
  Finding,
  FluxObject,
  PostureSummary,
  PromotionPreview,
  SloStatus,
  SourceFreshness,
  TopologyGraph,
} from '@homelab/plugin-homelab-common';
import { HomelabApi } from '../api/HomelabApi';
// GET /api/homelab/power of the example homelab at the demo's recording
// time, as homelab-backend builds it from examples/prometheus.
import powerOfExample from './powerOfExample.json';
// GET /api/homelab/capacity of the example homelab, as the backend answered
// it from the recorded snapshots and examples/prometheus (exampleHomelab.test.ts).
import capacityOfExample from './capacityOfExample.json';
// GET /api/homelab/blast-radius?entityRef=resource:default/rk1-1 of the
// example homelab, as the backend answered it (exampleHomelab.test.ts).
import blastRadiusOfRk1 from './blastRadiusOfRk1.json';
// GET /api/homelab/backups and /certificates of the example homelab judged at
// 2026-12-02T14:30:00Z, as the backend answered them (backupCollectors.test.ts).
import backupsOfExample from './backupsOfExample.json';
import certificatesOfExample from './certificatesOfExample.json';

/*
 * Answers in the shapes of the homelab backend's OpenAPI spec, for
 * component tests. The portal's browser tests read the real backend.
 */

const fresh: SourceFreshness[] = [
  {
    source: 'flux',
    cluster: 'production',
    state: 'fresh',
    collectedAt: '2026-11-22T10:00:00Z',
  },
];

export const staleProduction: SourceFreshness[] = [
  {
    source: 'security',
    cluster: 'production',
    state: 'stale',
    collectedAt: '2026-11-22T09:00:00Z',
    checkedAt: '2026-11-22T10:30:00Z',
    error: 'cluster production: GET /apis answered 503',
  },
];

export const topology: TopologyGraph = {
  generatedAt: '2026-11-22T10:41:00Z',
  freshness: fresh,
  nodes: [
    { id: 'internet', kind: 'internet', label: 'Internet' },
    {
      id: 'resource:default/udm-pro',
      kind: 'router',
      label: 'UDM Pro',
      entityRef: 'resource:default/udm-pro',
    },
    {
      id: 'resource:default/serverlan',
      kind: 'network',
      label: 'ServerLAN',
      entityRef: 'resource:default/serverlan',
    },
    {
      id: 'resource:default/iot',
      kind: 'network',
      label: 'IoT',
      entityRef: 'resource:default/iot',
    },
    {
      id: 'resource:default/rk1-1',
      kind: 'device',
      label: 'RK1 module 1',
      entityRef: 'resource:default/rk1-1',
      environment: 'production',
      networks: ['serverlan'],
    },
    {
      id: 'resource:default/rpi-staging',
      kind: 'device',
      label: 'Raspberry Pi 4B',
      entityRef: 'resource:default/rpi-staging',
      environment: 'staging',
      networks: ['serverlan'],
    },
    {
      id: 'resource:default/production-rk1-1',
      kind: 'node',
      label: 'rk1-1',
      cluster: 'production',
      status: 'ok',
      entityRef: 'resource:default/production-rk1-1',
    },
    {
      id: 'resource:default/staging-rpi-staging',
      kind: 'node',
      label: 'rpi-staging',
      cluster: 'staging',
      status: 'ok',
      entityRef: 'resource:default/staging-rpi-staging',
    },
    {
      id: 'resource:default/production',
      kind: 'cluster',
      label: 'Production cluster',
      cluster: 'production',
      environment: 'production',
      status: 'ok',
      entityRef: 'resource:default/production',
    },
    {
      id: 'resource:default/staging',
      kind: 'cluster',
      label: 'Staging cluster',
      cluster: 'staging',
      environment: 'staging',
      status: 'unknown',
      entityRef: 'resource:default/staging',
    },
    {
      id: 'namespace:production/nextcloud',
      kind: 'namespace',
      label: 'nextcloud',
      cluster: 'production',
      environment: 'production',
    },
    {
      id: 'workload:production/nextcloud/Deployment/nextcloud',
      kind: 'workload',
      label: 'nextcloud',
      cluster: 'production',
      environment: 'production',
      status: 'ok',
      entityRef: 'component:default/nextcloud',
    },
    {
      id: 'workload:production/nextcloud/StatefulSet/nextcloud-postgresql',
      kind: 'workload',
      label: 'nextcloud-postgresql',
      cluster: 'production',
      environment: 'production',
      status: 'warning',
    },
    {
      id: 'namespace:staging/nextcloud',
      kind: 'namespace',
      label: 'nextcloud',
      cluster: 'staging',
      environment: 'staging',
    },
  ],
  edges: [
    {
      source: 'internet',
      target: 'resource:default/udm-pro',
      relation: 'uplink',
    },
    {
      source: 'resource:default/udm-pro',
      target: 'resource:default/serverlan',
      relation: 'routes',
    },
    {
      source: 'resource:default/udm-pro',
      target: 'resource:default/iot',
      relation: 'routes',
    },
    {
      source: 'resource:default/serverlan',
      target: 'resource:default/rk1-1',
      relation: 'attaches',
    },
    {
      source: 'resource:default/serverlan',
      target: 'resource:default/rpi-staging',
      relation: 'attaches',
    },
    {
      source: 'resource:default/rk1-1',
      target: 'resource:default/production-rk1-1',
      relation: 'runs',
    },
    {
      source: 'resource:default/rpi-staging',
      target: 'resource:default/staging-rpi-staging',
      relation: 'runs',
    },
    {
      source: 'resource:default/production-rk1-1',
      target: 'resource:default/production',
      relation: 'member-of',
    },
    {
      source: 'resource:default/staging-rpi-staging',
      target: 'resource:default/staging',
      relation: 'member-of',
    },
    {
      source: 'resource:default/production',
      target: 'namespace:production/nextcloud',
      relation: 'contains',
    },
    {
      source: 'namespace:production/nextcloud',
      target: 'workload:production/nextcloud/Deployment/nextcloud',
      relation: 'runs',
    },
    {
      source: 'namespace:production/nextcloud',
      target: 'workload:production/nextcloud/StatefulSet/nextcloud-postgresql',
      relation: 'runs',
    },
    {
      source: 'resource:default/staging',
      target: 'namespace:staging/nextcloud',
      relation: 'contains',
    },
  ],
};

const counts = (
  critical: number,
  high: number,
  medium: number,
  low: number,
) => ({
  critical,
  high,
  medium,
  low,
  unknown: 0,
});

const clusterSummary: PostureSummary = {
  scope: 'cluster',
  key: 'production',
  cluster: 'production',
  score: 83,
  vulnerabilityScore: 85,
  configScore: 76,
  policyScore: 89,
  vulnerabilities: counts(12, 6, 14, 12),
  misconfigurations: counts(3, 24, 114, 101),
  exposedSecrets: 1,
  policy: { pass: 139, fail: 17, warn: 0, error: 0, skip: 0 },
  workloads: 34,
  compliance: [
    {
      name: 'k8s-cis-1.23',
      title: 'CIS Kubernetes Benchmarks v1.23',
      pass: 94,
      fail: 22,
    },
  ],
  discrepancies: [
    {
      apiVersion: 'aquasecurity.github.io/v1alpha1',
      kind: 'ConfigAuditReport',
      name: 'replicaset-nginx-6d4cf56db6',
      namespace: 'default',
      summary: { critical: 2, low: 9 },
      listed: { critical: 1, low: 1 },
    },
  ],
  collectedAt: '2026-11-22T10:40:00Z',
};

const namespaceSummary: PostureSummary = {
  ...clusterSummary,
  discrepancies: undefined,
  scope: 'namespace',
  key: 'production/nextcloud',
  namespace: 'nextcloud',
  score: 45,
  vulnerabilities: counts(6, 4, 4, 4),
  workloads: 2,
  compliance: undefined,
};

const entitySummary: PostureSummary = {
  ...namespaceSummary,
  scope: 'entity',
  key: 'production:component:default/nextcloud',
  entityRef: 'component:default/nextcloud',
  score: 44,
};

const finding = (n: number, extra: Partial<Finding> = {}): Finding => ({
  id: `f-${n}`,
  cluster: 'production',
  namespace: 'nextcloud',
  source: 'vulnerability',
  severity: 'critical',
  checkId: `CVE-2023-${45850 + n}`,
  title: 'zlib: integer overflow in zipOpenNewFileInZip4_6',
  workload: { kind: 'Deployment', name: 'nextcloud' },
  resource: 'zlib1g',
  installedVersion: '1:1.2.13.dfsg-1',
  fixedVersion: '1:1.2.13.dfsg-1+deb12u1',
  link: `https://avd.aquasec.com/nvd/cve-2023-${45850 + n}`,
  entityRef: 'component:default/nextcloud',
  ...extra,
});

const burnRates = (long: number | null) => [
  {
    severity: 'page' as const,
    longWindow: '1h',
    shortWindow: '5m',
    budgetFraction: 0.02,
    threshold: 14.4,
    longBurnRate: long,
    shortBurnRate: long,
    firing: long === null ? null : long > 14.4,
  },
  {
    severity: 'page' as const,
    longWindow: '6h',
    shortWindow: '30m',
    budgetFraction: 0.05,
    threshold: 6,
    longBurnRate: long,
    shortBurnRate: long,
    firing: long === null ? null : long > 6,
  },
  {
    severity: 'ticket' as const,
    longWindow: '1d',
    shortWindow: '2h',
    budgetFraction: 0.1,
    threshold: 3,
    longBurnRate: long,
    shortBurnRate: long,
    firing: long === null ? null : long > 3,
  },
  {
    severity: 'ticket' as const,
    longWindow: '3d',
    shortWindow: '6h',
    budgetFraction: 0.1,
    threshold: 1,
    longBurnRate: long,
    shortBurnRate: long,
    firing: long === null ? null : long > 1,
  },
];

const slo = (id: string, name: string, entityRef?: string) => ({
  id,
  name,
  displayName: name,
  service: id,
  entityRef,
  objective: 0.999,
  periodSeconds: 2592000,
  source: 'openslo' as const,
  origin: `slos/${id}.yaml`,
  errorRatioQuery: 'x',
});

const slos: SloStatus[] = [
  {
    slo: slo(
      'nextcloud',
      'Nextcloud availability',
      'component:default/nextcloud',
    ),
    state: 'breaching',
    evaluatedAt: '2026-11-22T10:40:00Z',
    sli: 0.99867,
    errorBudgetRemaining: -0.325,
    burnRates: burnRates(8.75),
    alert: 'ticket',
  },
  {
    slo: slo('grafana', 'grafana-http-errors'),
    state: 'no-data',
    evaluatedAt: '2026-11-22T10:40:00Z',
    sli: null,
    errorBudgetRemaining: null,
    burnRates: burnRates(null),
    alert: null,
  },
  {
    slo: slo(
      'vaultwarden',
      'Vaultwarden availability',
      'component:default/vaultwarden',
    ),
    state: 'stale',
    evaluatedAt: '2026-11-22T08:00:00Z',
    sli: 0.9996,
    errorBudgetRemaining: 0.6,
    burnRates: burnRates(0.4),
    alert: 'none',
    error: 'Prometheus answered 503',
  },
];

const fluxObjects: FluxObject[] = [
  {
    cluster: 'production',
    kind: 'HelmRelease',
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    namespace: 'flux-system',
    name: 'nextcloud',
    ready: 'True',
    upToDate: true,
    reconciling: false,
    suspended: false,
    revision: '6.5.2',
  },
  {
    cluster: 'production',
    kind: 'GitRepository',
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    namespace: 'flux-system',
    name: 'flux-system',
    ready: 'True',
    upToDate: true,
    reconciling: false,
    suspended: false,
    revision: 'main@sha1:4f8c2a91d07e5b3c6a1f9e8d2c7b4a6e3f1d9c08',
  },
  {
    cluster: 'production',
    kind: 'HelmRelease',
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    namespace: 'flux-system',
    name: 'home-assistant',
    ready: 'True',
    upToDate: true,
    reconciling: false,
    suspended: true,
    revision: '0.2.103',
  },
  // Flux 2.7's kinds and the Flux Operator's, as the backend parses the
  // upstream-shaped objects of homelab-backend's src/flux/__fixtures__.
  {
    cluster: 'production',
    kind: 'ArtifactGenerator',
    apiVersion: 'source.extensions.fluxcd.io/v1beta1',
    namespace: 'flux-system',
    name: 'flux-system',
    ready: 'True',
    upToDate: true,
    reconciling: false,
    suspended: false,
    reason: 'Succeeded',
    message: 'reconciliation succeeded, generated 2 artifact(s)',
    generatedArtifacts: [
      { namespace: 'flux-system', name: 'infrastructure' },
      { namespace: 'flux-system', name: 'apps' },
    ],
  },
  {
    cluster: 'production',
    kind: 'ExternalArtifact',
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    namespace: 'flux-system',
    name: 'apps',
    ready: 'True',
    upToDate: true,
    reconciling: false,
    suspended: false,
    reason: 'Succeeded',
    message: 'Artifact is ready',
    revision:
      'latest@sha256:d56f6359d240f69e4164425b599d08869574fc013b9e5727951048914db12c5b',
    sourceRef: {
      kind: 'ArtifactGenerator',
      name: 'flux-system',
      namespace: 'flux-system',
    },
  },
  {
    cluster: 'production',
    kind: 'FluxInstance',
    apiVersion: 'fluxcd.controlplane.io/v1',
    namespace: 'flux-system',
    name: 'flux',
    ready: 'False',
    upToDate: false,
    reconciling: true,
    suspended: false,
    reason: 'ReconciliationFailed',
    message:
      "reconciliation failed: timeout waiting for: [Deployment/flux-system/helm-controller status: 'InProgress']",
    revision:
      'v2.3.0@sha256:4cc5babdb1279ad0177bf513292deadbfa3f7b7c3da0be7fa53b39ab434f7219',
    attemptedRevision:
      'v2.3.1@sha256:0304e3bcdbb841a19ec7c4cd198fedcb9f05554d840d1b9945125c78490ea627',
  },
];

const nextcloudDrift: AppDrift = {
  app: 'nextcloud',
  entityRef: 'component:default/nextcloud',
  inSync: false,
  behind: ['production'],
  missing: [],
  releases: [
    {
      environment: 'staging',
      cluster: 'staging',
      kind: 'HelmRelease',
      namespace: 'flux-system',
      name: 'nextcloud',
      version: '6.6.4',
      appVersion: '30.0.4',
      ready: 'True',
    },
    {
      environment: 'production',
      cluster: 'production',
      kind: 'HelmRelease',
      namespace: 'flux-system',
      name: 'nextcloud',
      version: '6.5.2',
      appVersion: '30.0.2',
      ready: 'True',
    },
  ],
};

/**
 * What homelab-backend previews for promoting nextcloud from staging to
 * production in examples/gitops: the planner's own output for that
 * repository (its test checks the same change), with the gates as the demo
 * clusters answer them.
 */
export const nextcloudPromotionPreview: PromotionPreview = {
  layout:
    'fluxcd/flux2-kustomize-helm-example (clusters/production, clusters/staging)',
  app: 'nextcloud',
  from: 'staging',
  to: 'production',
  versionLabel: 'HelmRelease nextcloud chart version',
  declaredVersion: '6.6.4',
  promotedVersion: '6.6.4',
  targetVersion: '6.5.2',
  changes: [
    {
      slot: 'chart',
      label: 'HelmRelease nextcloud chart version',
      before: '6.5.2',
      after: '6.6.4',
      writtenAt:
        'apps/production/nextcloud-values.yaml: spec.chart.spec.version',
    },
  ],
  notes: [],
  valuesLeftAlone: ['nextcloud.host', 'persistence.size', 'replicaCount'],
  diff: `--- a/apps/production/nextcloud-values.yaml
+++ b/apps/production/nextcloud-values.yaml
@@ -6,7 +6,7 @@
 spec:
   chart:
     spec:
-      version: 6.5.2
+      version: 6.6.4
   values:
     nextcloud:
       host: cloud.local.hallonen.se
`,
  gates: [
    {
      gate: 'freezeWindow',
      mode: 'required',
      passed: true,
      reasons: ['no freeze window is configured for production'],
    },
    {
      gate: 'fluxReady',
      mode: 'required',
      passed: true,
      reasons: [
        'HelmRelease flux-system/nextcloud in staging is Ready on 6.6.4',
      ],
    },
    {
      gate: 'errorBudget',
      mode: 'advisory',
      passed: false,
      reasons: [
        'nextcloud-availability: -32.5% of the error budget left (minimum 25%)',
      ],
    },
  ],
  blocked: false,
  summary: '## Promote nextcloud: staging → production',
};

/** A HomelabApi answering from the fixtures above; every method is a jest mock to assert calls on. */
export function fakeHomelabApi(
  overrides: Partial<HomelabApi> = {},
): jest.Mocked<HomelabApi> {
  const api: HomelabApi = {
    getFreshness: async () => fresh,
    getTopology: async () => topology,
    getPostureSummaries: async query => {
      const byScope = {
        cluster: clusterSummary,
        namespace: namespaceSummary,
        entity: entitySummary,
      };
      return { items: [byScope[query?.scope ?? 'cluster']], freshness: fresh };
    },
    getPostureFindings: async query => ({
      items: Array.from(
        { length: Math.min(query?.limit ?? 20, 45 - (query?.offset ?? 0)) },
        (_, i) => finding((query?.offset ?? 0) + i),
      ),
      totalCount: 45,
      offset: query?.offset ?? 0,
      limit: query?.limit ?? 20,
      freshness: fresh,
    }),
    getPostureTrend: async () => ({
      points: [
        {
          collectedAt: '2026-11-20T10:00:00Z',
          score: 80,
          vulnerabilities: counts(14, 7, 14, 12),
        },
        {
          collectedAt: '2026-11-22T10:00:00Z',
          score: 83,
          vulnerabilities: counts(12, 6, 14, 12),
        },
      ],
      freshness: fresh,
    }),
    getSlos: async query => ({
      items: query?.entityRef
        ? slos.filter(s => s.slo.entityRef === query.entityRef)
        : slos,
      freshness: fresh,
    }),
    getSlo: async id => ({
      slo: {
        ...slos.find(s => s.slo.id === id)!,
        series: [
          {
            time: '2026-11-20T00:00:00Z',
            sli: 0.9995,
            errorBudgetRemaining: 0.5,
          },
          {
            time: '2026-11-21T00:00:00Z',
            sli: 0.999,
            errorBudgetRemaining: 0.1,
          },
          {
            time: '2026-11-22T00:00:00Z',
            sli: 0.9987,
            errorBudgetRemaining: -0.3,
          },
        ],
      },
      freshness: fresh,
    }),
    getFluxObjects: async () => ({
      items: fluxObjects,
      clusters: [{ cluster: 'production', recorded: false, readOnly: false }],
      freshness: fresh,
    }),
    reconcileFluxObject: async ref => ({ ...fluxObjects[0], ...ref }),
    suspendFluxObject: async ref => ({
      ...fluxObjects[0],
      ...ref,
      suspended: true,
    }),
    resumeFluxObject: async ref => ({
      ...fluxObjects[0],
      ...ref,
      suspended: false,
    }),
    previewPromotion: async () => nextcloudPromotionPreview,
    getPower: async () =>
      powerOfExample as Awaited<ReturnType<HomelabApi['getPower']>>,
    getCapacity: async () =>
      capacityOfExample as Awaited<ReturnType<HomelabApi['getCapacity']>>,
    getBackups: async () =>
      backupsOfExample as Awaited<ReturnType<HomelabApi['getBackups']>>,
    getCertificates: async () =>
      certificatesOfExample as Awaited<
        ReturnType<HomelabApi['getCertificates']>
      >,
    getBlastRadius: async query => ({
      ...(blastRadiusOfRk1 as BlastRadius),
      mode: query.mode ?? 'failure',
    }),
    getDrift: async () => ({
      environments: ['staging', 'production'],
      apps: [nextcloudDrift],
      freshness: fresh,
    }),
    ...overrides,
  };
  for (const key of Object.keys(api) as Array<keyof HomelabApi>) {
    api[key] = jest.fn(api[key] as any) as any;
  }
  return api as jest.Mocked<HomelabApi>;
}

import { ClusterClient } from '@homelab/plugin-homelab-node';
import { ClusterSnapshotStore } from '../database/ClusterSnapshotStore';
import { PostureStore } from '../database/PostureStore';
import { parsePolarisAudit } from '../security/polaris';
import { servedPolicyReportTypes } from '../security/policyReportApis';
import { parsePolicyReport, PolicyReport } from '../security/policyReports';
import { addReports } from '../security/addReports';
import { PostureAggregator } from '../security/PostureAggregator';
import {
  parseTrivyReport,
  TRIVY_GROUP,
  TRIVY_KINDS,
  TRIVY_VERSION,
  TrivyReport,
} from '../security/trivy';
import { EntityIndex } from '../workloads/EntityIndex';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { ClusterCollector } from './ClusterCollector';
import { Collection } from './recordCollection';
import { PolarisSource } from './PolarisSource';
import { listIfServed } from './listIfServed';

/**
 * Reports are listed at most this many to a page: a VulnerabilityReport is
 * tens of kilobytes, and a page of the default 250 held some 40 MB of
 * objects while it was read (issue 12's bench, 2,000 reports: 411 MB peak
 * at 250 to a page, 273 MB at 50, and a little faster).
 */
const REPORT_PAGE_SIZE = 50;

/** The warning of a collection that could attribute no finding to an app. */
const NO_APP_ENTITIES =
  'The catalog had no entity claiming Kubernetes workloads: no finding is attributed to an app until the next collection';

/**
 * Security reports of a cluster: Trivy Operator's reports, the Polaris audit
 * and policy reports (Kyverno, Falco, kube-bench and others), turned into
 * findings on workloads and entities and posture summaries. Reports are read
 * page by page and each page's findings stored before the next is read;
 * they replace the cluster's last findings only when the whole collection
 * succeeded. A tool that is not installed, or that the cluster serves only
 * in API versions this plugin does not read, is a warning; a tool that is
 * installed but cannot be read fails the collection, keeping the last good
 * posture.
 */
export class SecurityCollector implements ClusterCollector {
  readonly source = 'security';

  constructor(
    private readonly posture: PostureStore,
    private readonly snapshots: ClusterSnapshotStore,
    private readonly entities: () => Promise<EntityIndex>,
    private readonly polaris: PolarisSource,
  ) {}

  async collect(
    client: ClusterClient,
    collectedAt: Date,
    signal?: AbortSignal,
  ): Promise<Collection> {
    const cluster = client.cluster;
    const served = await client.servedVersions();
    const [workloads] = (
      await this.snapshots.clusterSnapshots<WorkloadSnapshot>('workloads')
    ).filter(snapshot => snapshot.cluster === cluster);
    const entities = await this.entities();
    const aggregator = new PostureAggregator(
      cluster,
      workloads?.data,
      entities,
    );
    const warnings: string[] = [];
    // Findings are attributed to apps now, from the catalog as it is: before
    // it has read the apps, an app's findings would read as none.
    if (!entities.claimsAny) warnings.push(NO_APP_ENTITIES);
    await this.posture.beginPosture(cluster);
    const store = () =>
      this.posture.stageFindings(
        cluster,
        aggregator.takeFindings(),
        collectedAt,
      );

    const trivyVersions = served.get(TRIVY_GROUP) ?? [];
    if (trivyVersions.includes(TRIVY_VERSION)) {
      await this.#readTrivy(client, aggregator, store, signal);
    } else {
      warnings.push(
        trivyVersions.length
          ? `Trivy Operator reports are not read: the cluster serves ${trivyVersions
              .map(v => `${TRIVY_GROUP}/${v}`)
              .join(
                ', ',
              )}, and this plugin reads ${TRIVY_GROUP}/${TRIVY_VERSION}`
          : `Trivy Operator is not installed: the cluster does not serve ${TRIVY_GROUP}/${TRIVY_VERSION}`,
      );
    }

    const audit = await this.polaris.read(client);
    if (audit) {
      aggregator.add(
        parsePolarisAudit(audit, cluster, {
          kind: 'Polaris audit',
          name: this.polaris.locationOf(cluster),
        }),
      );
      await store();
    } else {
      warnings.push(this.polaris.notFoundWarning(cluster));
    }

    const policyReports = servedPolicyReportTypes(served);
    warnings.push(...policyReports.warnings);
    for (const type of policyReports.types) {
      const apiVersion = `${type.group}/${type.version}`;
      await listIfServed<PolicyReport>(
        client,
        type,
        page =>
          addReports(
            aggregator,
            page,
            report =>
              parsePolicyReport(
                { ...report, apiVersion: report.apiVersion ?? apiVersion },
                cluster,
              ),
            store,
          ),
        signal,
        REPORT_PAGE_SIZE,
      );
    }

    const result = aggregator.finish(collectedAt.toISOString());
    signal?.throwIfAborted();
    const itemCount = await this.posture.commitPosture(cluster, {
      summaries: result.summaries,
      superseded: result.superseded,
      collectedAt,
    });
    return { itemCount, warnings: [...warnings, ...result.warnings] };
  }

  /** Reads Trivy's reports page by page: a large cluster has thousands. */
  async #readTrivy(
    client: ClusterClient,
    aggregator: PostureAggregator,
    store: () => Promise<void>,
    signal?: AbortSignal,
  ) {
    for (const { kind, plural } of TRIVY_KINDS) {
      const type = { group: TRIVY_GROUP, version: TRIVY_VERSION, plural };
      // Items of a list may leave out their kind.
      await listIfServed<TrivyReport>(
        client,
        type,
        page =>
          addReports(
            aggregator,
            page,
            report => parseTrivyReport({ ...report, kind }, client.cluster),
            store,
          ),
        signal,
        REPORT_PAGE_SIZE,
      );
    }
  }
}

import { ClusterClient } from '@homelab/plugin-homelab-node';
import { ClusterSnapshotStore } from '../database/ClusterSnapshotStore';
import { PostureStore } from '../database/PostureStore';
import { aggregatePosture } from '../security/aggregatePosture';
import { PolarisAudit, addPolarisAudit } from '../security/polaris';
import {
  POLICY_REPORT_TYPES,
  PolicyReport,
  addPolicyReport,
} from '../security/policyReports';
import { ParsedReports, emptyReports } from '../security/reports';
import {
  TRIVY_GROUP,
  TRIVY_KINDS,
  TRIVY_VERSION,
  TrivyReport,
  addTrivyReport,
} from '../security/trivy';
import { EntityIndex } from '../workloads/EntityIndex';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { ClusterCollector } from './ClusterCollector';
import { Collection } from './recordCollection';
import { PolarisSource } from './PolarisSource';
import { listIfServed } from './listIfServed';

/**
 * Security reports of a cluster: Trivy Operator's reports, the Polaris audit
 * and policy reports (Kyverno and others), turned into findings on workloads
 * and entities and posture summaries. A tool that is not installed is a
 * warning; a tool that is installed but cannot be read fails the collection,
 * keeping the last good posture.
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
    const served = await client.servedVersions();
    const reports = emptyReports();
    const warnings: string[] = [];

    if (served.get(TRIVY_GROUP)?.includes(TRIVY_VERSION)) {
      await this.#readTrivy(client, reports, signal);
    } else {
      warnings.push(
        `Trivy Operator is not installed: the cluster does not serve ${TRIVY_GROUP}/${TRIVY_VERSION}`,
      );
    }

    const audit = await this.polaris.read(client);
    if (audit) addPolarisAudit(reports, audit as PolarisAudit, client.cluster);
    else warnings.push(this.polaris.notFoundWarning(client.cluster));

    const policyTypes = POLICY_REPORT_TYPES.filter(type =>
      served.get(type.group)?.includes(type.version),
    );
    if (policyTypes.length === 0) {
      warnings.push(
        'No policy engine reports: the cluster serves neither wgpolicyk8s.io/v1alpha2 nor openreports.io/v1alpha1',
      );
    }
    for (const type of policyTypes) {
      await listIfServed<PolicyReport>(
        client,
        type,
        page => {
          for (const report of page)
            addPolicyReport(reports, report, client.cluster);
        },
        signal,
      );
    }

    const [workloads] = (
      await this.snapshots.clusterSnapshots<WorkloadSnapshot>('workloads')
    ).filter(snapshot => snapshot.cluster === client.cluster);
    const { findings, summaries } = aggregatePosture(
      client.cluster,
      reports,
      workloads?.data,
      await this.entities(),
      collectedAt.toISOString(),
    );
    signal?.throwIfAborted();
    await this.posture.replacePosture(
      client.cluster,
      findings,
      summaries,
      collectedAt,
    );
    return { itemCount: findings.length, warnings };
  }

  /** Reads Trivy's reports page by page: a large cluster has thousands. */
  async #readTrivy(
    client: ClusterClient,
    reports: ParsedReports,
    signal?: AbortSignal,
  ) {
    for (const { kind, plural } of TRIVY_KINDS) {
      const type = { group: TRIVY_GROUP, version: TRIVY_VERSION, plural };
      // Items of a list may leave out their kind.
      await listIfServed<TrivyReport>(
        client,
        type,
        page => {
          for (const report of page)
            addTrivyReport(reports, { ...report, kind }, client.cluster);
        },
        signal,
      );
    }
  }
}

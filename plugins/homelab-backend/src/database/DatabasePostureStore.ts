import {
  Finding,
  FindingSeverity,
  PostureSummary,
  PostureTrendPoint,
} from '@homelab/plugin-homelab-common';
import { Knex } from 'knex';
import { FindingFilter, PostureStore, SummaryFilter } from './PostureStore';
import { DbTime, FindingRow, INSERT_CHUNK, PostureSummaryRow } from './tables';

const FINDINGS = 'homelab_findings';
const SUMMARIES = 'homelab_posture_summaries';

const SEVERITY_RANK: Record<FindingSeverity, number> = {
  critical: 5,
  high: 4,
  medium: 3,
  low: 2,
  unknown: 1,
};

function findingRow(
  cluster: string,
  finding: Finding,
  collectedAt: Date,
): FindingRow {
  return {
    cluster,
    id: finding.id,
    source: finding.source,
    severity: finding.severity,
    severity_rank: SEVERITY_RANK[finding.severity],
    namespace: finding.namespace ?? null,
    entity_ref: finding.entityRef ?? null,
    workload: finding.workload
      ? `${finding.workload.kind}/${finding.workload.name}`
      : null,
    check_id: finding.checkId,
    search: [
      finding.checkId,
      finding.title,
      finding.workload?.name,
      finding.resource,
      finding.namespace,
    ]
      .filter(Boolean)
      .join(' ')
      .toLowerCase(),
    data: JSON.stringify(finding),
    collected_at: collectedAt,
  };
}

/** Findings and posture summaries with their history, in knex. */
export class DatabasePostureStore implements PostureStore {
  constructor(private readonly knex: Knex) {}

  async replacePosture(
    cluster: string,
    findings: Finding[],
    summaries: PostureSummary[],
    collectedAt: Date,
  ): Promise<void> {
    await this.knex.transaction(async tx => {
      await tx<FindingRow>(FINDINGS).where({ cluster }).delete();
      await tx.batchInsert(
        FINDINGS,
        findings.map(finding => findingRow(cluster, finding, collectedAt)),
        INSERT_CHUNK,
      );
      const rows: Omit<PostureSummaryRow, 'id'>[] = summaries.map(summary => ({
        collected_at: collectedAt,
        scope: summary.scope,
        key: summary.key,
        cluster,
        namespace: summary.namespace ?? null,
        entity_ref: summary.entityRef ?? null,
        data: JSON.stringify(summary),
      }));
      await tx.batchInsert(SUMMARIES, rows, INSERT_CHUNK);
    });
  }

  async findings(
    filter: FindingFilter,
    page: { offset: number; limit: number },
  ): Promise<{ items: Finding[]; totalCount: number }> {
    const query = this.knex<FindingRow>(FINDINGS);
    if (filter.cluster) query.where('cluster', filter.cluster);
    if (filter.namespace) query.where('namespace', filter.namespace);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    if (filter.severities?.length) query.whereIn('severity', filter.severities);
    if (filter.sources?.length) query.whereIn('source', filter.sources);
    if (filter.search) {
      // Wildcards in the text are matched literally; SQLite needs the escape
      // character named.
      const pattern = `%${filter.search
        .toLowerCase()
        .replace(/[%_\\]/g, '\\$&')}%`;
      query.whereRaw("search like ? escape '\\'", [pattern]);
    }
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows = await query
      .orderBy([
        { column: 'severity_rank', order: 'desc' },
        { column: 'cluster' },
        { column: 'namespace' },
        { column: 'check_id' },
        { column: 'id' },
      ])
      .offset(page.offset)
      .limit(page.limit);
    return {
      items: rows.map(row => JSON.parse(row.data)),
      totalCount: Number(count),
    };
  }

  async latestSummaries(filter: SummaryFilter = {}): Promise<PostureSummary[]> {
    const query = this.knex<PostureSummaryRow>(`${SUMMARIES} as s`)
      .join(this.#latestPerCluster().as('l'), join =>
        join
          .on('s.cluster', 'l.cluster')
          .andOn('s.collected_at', 'l.collected_at'),
      )
      .select('s.data')
      .orderBy(['s.scope', 's.key']);
    if (filter.scope) query.where('s.scope', filter.scope);
    if (filter.cluster) query.where('s.cluster', filter.cluster);
    if (filter.entityRef) query.where('s.entity_ref', filter.entityRef);
    if (filter.namespace) query.where('s.namespace', filter.namespace);
    return (await query).map(row => JSON.parse(row.data) as PostureSummary);
  }

  async postureTrend(
    scope: string,
    key: string,
    since: Date,
  ): Promise<PostureTrendPoint[]> {
    const rows = await this.knex<PostureSummaryRow>(SUMMARIES)
      .where({ scope, key })
      .andWhere('collected_at', '>=', since)
      .orderBy('collected_at');
    return rows.map(row => {
      const summary = JSON.parse(row.data) as PostureSummary;
      return {
        collectedAt: summary.collectedAt,
        score: summary.score,
        vulnerabilities: summary.vulnerabilities,
      };
    });
  }

  async prune(before: Date): Promise<void> {
    const latest = (await this.#latestPerCluster()) as Array<{
      cluster: string;
      collected_at: DbTime;
    }>;
    for (const { cluster, collected_at } of latest) {
      await this.knex<PostureSummaryRow>(SUMMARIES)
        .where({ cluster })
        .where('collected_at', '<', before)
        .where('collected_at', '<', collected_at)
        .delete();
    }
  }

  /** The time of each cluster's latest collection. */
  #latestPerCluster() {
    return this.knex<PostureSummaryRow>(SUMMARIES)
      .select('cluster')
      .max({ collected_at: 'collected_at' })
      .groupBy('cluster');
  }
}

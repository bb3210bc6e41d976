import {
  Finding,
  FindingSeverity,
  PostureSummary,
  PostureTrendPoint,
} from '@homelab/plugin-homelab-common';
import { Knex } from 'knex';
import {
  FindingFilter,
  PostureStore,
  StagedFindings,
  SummaryFilter,
} from './PostureStore';
import {
  DbTime,
  FindingRow,
  INSERT_CHUNK,
  PostureSummaryRow,
  StagedFindingRow,
} from './tables';

const FINDINGS = 'homelab_findings';
const SUMMARIES = 'homelab_posture_summaries';
const STAGED = 'homelab_findings_staged';
/** The columns findings are moved by, from staged to current. */
const FINDING_COLUMNS = [
  'cluster',
  'id',
  'source',
  'severity',
  'severity_rank',
  'namespace',
  'entity_ref',
  'workload',
  'check_id',
  'search',
  'data',
  'collected_at',
];

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

  async beginPosture(cluster: string): Promise<void> {
    await this.knex<StagedFindingRow>(STAGED).where({ cluster }).delete();
  }

  async stageFindings(
    cluster: string,
    findings: StagedFindings[],
    collectedAt: Date,
  ): Promise<void> {
    const rows: StagedFindingRow[] = [];
    for (const staged of findings) {
      for (let index = 0; index < staged.length; index++) {
        rows.push({
          ...findingRow(cluster, staged.at(index), collectedAt),
          report: staged.report,
        });
      }
    }
    if (!rows.length) return;
    // One transaction per batch: each statement committed on its own waits
    // for the disk once per 200 rows.
    await this.knex.transaction(async tx => {
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        await tx<StagedFindingRow>(STAGED)
          .insert(rows.slice(start, start + INSERT_CHUNK))
          .onConflict(['cluster', 'report', 'id'])
          .ignore();
      }
    });
  }

  async commitPosture(
    cluster: string,
    commit: {
      summaries: PostureSummary[];
      superseded: string[];
      collectedAt: Date;
    },
  ): Promise<number> {
    return this.knex.transaction(async tx => {
      for (
        let start = 0;
        start < commit.superseded.length;
        start += INSERT_CHUNK
      ) {
        await tx<StagedFindingRow>(STAGED)
          .where({ cluster })
          .whereIn(
            'report',
            commit.superseded.slice(start, start + INSERT_CHUNK),
          )
          .delete();
      }
      await tx<FindingRow>(FINDINGS).where({ cluster }).delete();
      // One finding in several reports is moved once.
      const columns = FINDING_COLUMNS.map(() => '??').join(', ');
      await tx.raw(
        `insert into ?? (${columns}) select ${columns} from ?? where ?? = ? on conflict do nothing`,
        [
          FINDINGS,
          ...FINDING_COLUMNS,
          ...FINDING_COLUMNS,
          STAGED,
          'cluster',
          cluster,
        ],
      );
      await tx<StagedFindingRow>(STAGED).where({ cluster }).delete();
      const rows: Omit<PostureSummaryRow, 'id'>[] = commit.summaries.map(
        summary => ({
          collected_at: commit.collectedAt,
          scope: summary.scope,
          key: summary.key,
          cluster,
          namespace: summary.namespace ?? null,
          entity_ref: summary.entityRef ?? null,
          data: JSON.stringify(summary),
        }),
      );
      await tx.batchInsert(SUMMARIES, rows, INSERT_CHUNK);
      const [{ count }] = await tx<FindingRow>(FINDINGS)
        .where({ cluster })
        .count({ count: '*' });
      return Number(count);
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

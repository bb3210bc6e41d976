import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  Finding,
  FindingSeverity,
  FindingSource,
  FluxObject,
  PostureSummary,
  PostureTrendPoint,
  SloDefinition,
  SloStatus,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import { Knex } from 'knex';

const SEVERITY_RANK: Record<FindingSeverity, number> = {
  critical: 5,
  high: 4,
  medium: 3,
  low: 2,
  unknown: 1,
};
/** Rows per insert statement, well inside SQLite's limit on bound parameters. */
const CHUNK = 200;

export interface RunRecord {
  source: string;
  cluster?: string;
  startedAt: Date;
  finishedAt: Date;
  succeeded: boolean;
  error?: string;
  itemCount?: number;
  warnings?: string[];
}

export interface FindingFilter {
  cluster?: string;
  namespace?: string;
  severities?: FindingSeverity[];
  sources?: FindingSource[];
  entityRef?: string;
  search?: string;
}

export interface StoredSlo {
  definition: SloDefinition;
  status: Omit<SloStatus, 'slo'>;
}

const toDate = (value: Date | string | number) => new Date(value);
const iso = (value: Date | string | number | null | undefined) =>
  value ? toDate(value).toISOString() : undefined;

/**
 * Everything the collectors gather, through knex on SQLite or PostgreSQL.
 * Replacements happen in one transaction, so readers see the old data or
 * the new, never half of either.
 */
export class HomelabStore {
  static async create(database: DatabaseService): Promise<HomelabStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@homelab/plugin-homelab-backend',
          'migrations',
        ),
      });
    }
    return new HomelabStore(knex);
  }

  constructor(private readonly knex: Knex) {}

  async recordRun(run: RunRecord): Promise<void> {
    const cluster = run.cluster ?? '';
    await this.knex.transaction(async tx => {
      await tx('homelab_collection_runs').insert({
        source: run.source,
        cluster,
        started_at: run.startedAt,
        finished_at: run.finishedAt,
        succeeded: run.succeeded,
        error: run.error ?? null,
        item_count: run.itemCount ?? null,
      });
      const previous = await tx('homelab_collection_state')
        .where({ source: run.source, cluster })
        .first();
      const row = {
        source: run.source,
        cluster,
        last_attempt_at: run.finishedAt,
        last_success_at: run.succeeded
          ? run.finishedAt
          : previous?.last_success_at ?? null,
        last_error: run.succeeded ? null : run.error ?? 'failed',
        warnings: run.warnings?.length ? JSON.stringify(run.warnings) : null,
      };
      await tx('homelab_collection_state')
        .insert(row)
        .onConflict(['source', 'cluster'])
        .merge();
    });
  }

  async runs(
    source: string,
  ): Promise<Array<{ cluster: string; startedAt: Date; succeeded: boolean }>> {
    const rows = await this.knex('homelab_collection_runs')
      .where({ source })
      .orderBy('started_at');
    return rows.map(row => ({
      cluster: row.cluster,
      startedAt: toDate(row.started_at),
      succeeded: !!row.succeeded,
    }));
  }

  async freshness(sources?: string[]): Promise<SourceFreshness[]> {
    const query = this.knex('homelab_collection_state').orderBy([
      'source',
      'cluster',
    ]);
    if (sources) query.whereIn('source', sources);
    const rows = await query;
    return rows.map(row => {
      let state: SourceFreshness['state'] = 'fresh';
      if (!row.last_success_at) state = 'never-collected';
      else if (row.last_error) state = 'stale';
      return {
        source: row.source,
        ...(row.cluster ? { cluster: row.cluster } : {}),
        state,
        ...(row.last_success_at
          ? { collectedAt: iso(row.last_success_at) }
          : {}),
        checkedAt: iso(row.last_attempt_at),
        ...(row.last_error ? { error: row.last_error } : {}),
        ...(row.warnings ? { warnings: JSON.parse(row.warnings) } : {}),
      };
    });
  }

  async replaceFluxObjects(
    cluster: string,
    objects: FluxObject[],
    collectedAt: Date,
  ): Promise<void> {
    await this.knex.transaction(async tx => {
      await tx('homelab_flux_objects').where({ cluster }).delete();
      const rows = objects.map(object => ({
        cluster,
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
        entity_ref: object.entityRef ?? null,
        data: JSON.stringify(object),
        collected_at: collectedAt,
      }));
      await tx.batchInsert('homelab_flux_objects', rows, CHUNK);
    });
  }

  async updateFluxObject(object: FluxObject): Promise<void> {
    await this.knex('homelab_flux_objects')
      .where({
        cluster: object.cluster,
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
      })
      .update({ data: JSON.stringify(object) });
  }

  async fluxObjects(
    filter: {
      cluster?: string;
      kind?: string;
      namespace?: string;
      name?: string;
      entityRef?: string;
    } = {},
  ): Promise<FluxObject[]> {
    const query = this.knex('homelab_flux_objects').orderBy([
      'cluster',
      'kind',
      'namespace',
      'name',
    ]);
    if (filter.cluster) query.where('cluster', filter.cluster);
    if (filter.kind) query.where('kind', filter.kind);
    if (filter.namespace) query.where('namespace', filter.namespace);
    if (filter.name) query.where('name', filter.name);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    return (await query).map(row => JSON.parse(row.data));
  }

  async replacePosture(
    cluster: string,
    findings: Finding[],
    summaries: PostureSummary[],
    collectedAt: Date,
  ): Promise<void> {
    await this.knex.transaction(async tx => {
      await tx('homelab_findings').where({ cluster }).delete();
      await tx.batchInsert(
        'homelab_findings',
        findings.map(finding => ({
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
        })),
        CHUNK,
      );
      await tx.batchInsert(
        'homelab_posture_summaries',
        summaries.map(summary => ({
          collected_at: collectedAt,
          scope: summary.scope,
          key: summary.key,
          cluster,
          namespace: summary.namespace ?? null,
          entity_ref: summary.entityRef ?? null,
          data: JSON.stringify(summary),
        })),
        CHUNK,
      );
    });
  }

  async findings(
    filter: FindingFilter,
    page: { offset: number; limit: number },
  ): Promise<{ items: Finding[]; totalCount: number }> {
    const query = this.knex('homelab_findings');
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

  /**
   * The summaries of each cluster's latest collection that match. Older
   * rows are history: a namespace deleted since is not current.
   */
  async latestSummaries(
    filter: {
      scope?: PostureSummary['scope'];
      cluster?: string;
      entityRef?: string;
      namespace?: string;
    } = {},
  ): Promise<PostureSummary[]> {
    const latest = this.knex('homelab_posture_summaries')
      .select('cluster')
      .max({ collected_at: 'collected_at' })
      .groupBy('cluster');
    const query = this.knex('homelab_posture_summaries as s')
      .join(latest.as('l'), join =>
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
    const rows = await this.knex('homelab_posture_summaries')
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

  async putClusterSnapshot(
    source: string,
    cluster: string,
    data: unknown,
    collectedAt: Date,
  ): Promise<void> {
    await this.knex('homelab_cluster_snapshots')
      .insert({
        source,
        cluster,
        collected_at: collectedAt,
        data: JSON.stringify(data),
      })
      .onConflict(['source', 'cluster'])
      .merge();
  }

  async clusterSnapshots<T>(
    source: string,
  ): Promise<Array<{ cluster: string; collectedAt: string; data: T }>> {
    const rows = await this.knex('homelab_cluster_snapshots')
      .where({ source })
      .orderBy('cluster');
    return rows.map(row => ({
      cluster: row.cluster,
      collectedAt: iso(row.collected_at)!,
      data: JSON.parse(row.data),
    }));
  }

  /** Replaces the set of SLOs with freshly evaluated ones, and adds their values to the history. */
  async replaceSlos(slos: StoredSlo[], evaluatedAt: Date): Promise<void> {
    await this.knex.transaction(async tx => {
      await tx('homelab_slos').delete();
      await tx.batchInsert(
        'homelab_slos',
        slos.map(({ definition, status }) => ({
          id: definition.id,
          entity_ref: definition.entityRef ?? null,
          definition: JSON.stringify(definition),
          status: JSON.stringify(status),
          evaluated_at: evaluatedAt,
        })),
        CHUNK,
      );
      await tx.batchInsert(
        'homelab_slo_history',
        slos.map(({ definition, status }) => ({
          slo_id: definition.id,
          evaluated_at: evaluatedAt,
          state: status.state,
          sli: status.sli,
          error_budget_remaining: status.errorBudgetRemaining,
        })),
        CHUNK,
      );
    });
  }

  async slos(filter: { entityRef?: string } = {}): Promise<StoredSlo[]> {
    const query = this.knex('homelab_slos').orderBy('id');
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    return (await query).map(row => ({
      definition: JSON.parse(row.definition),
      status: JSON.parse(row.status),
    }));
  }

  async slo(id: string): Promise<StoredSlo | undefined> {
    const row = await this.knex('homelab_slos').where({ id }).first();
    return row
      ? {
          definition: JSON.parse(row.definition),
          status: JSON.parse(row.status),
        }
      : undefined;
  }

  /** Removes history older than `before`; what is current is never pruned. */
  async prune(before: Date): Promise<void> {
    const latest: Array<{ cluster: string; collected_at: Date | string }> =
      await this.knex('homelab_posture_summaries')
        .select('cluster')
        .max({ collected_at: 'collected_at' })
        .groupBy('cluster');
    for (const { cluster, collected_at } of latest) {
      await this.knex('homelab_posture_summaries')
        .where({ cluster })
        .where('collected_at', '<', before)
        .where('collected_at', '<', collected_at)
        .delete();
    }
    await this.knex('homelab_slo_history')
      .where('evaluated_at', '<', before)
      .delete();
    await this.knex('homelab_collection_runs')
      .where('started_at', '<', before)
      .delete();
  }
}

/**
 * Storage of the homelab collectors. Per-cluster data is replaced as a whole
 * when a collection succeeds and left as it was when one fails; summaries and
 * SLO evaluations are also kept as history, for trends.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const time = (table, name) => table.timestamp(name, { useTz: true });

  await knex.schema.createTable('homelab_collection_state', table => {
    table.comment(
      'Freshness of each source: last success, last attempt and its error',
    );
    table.string('source').notNullable();
    table.string('cluster').notNullable().defaultTo('');
    time(table, 'last_success_at').nullable();
    time(table, 'last_attempt_at').notNullable();
    table.text('last_error').nullable();
    table
      .text('warnings')
      .nullable()
      .comment('JSON array of what the last attempt could not read');
    table.primary(['source', 'cluster']);
  });

  await knex.schema.createTable('homelab_collection_runs', table => {
    table.comment(
      'Every collection run, to show that each ran once per interval',
    );
    table.bigIncrements('id');
    table.string('source').notNullable();
    table.string('cluster').notNullable().defaultTo('');
    time(table, 'started_at').notNullable();
    time(table, 'finished_at').notNullable();
    table.boolean('succeeded').notNullable();
    table.text('error').nullable();
    table.integer('item_count').nullable();
    table.index(['source', 'started_at']);
  });

  await knex.schema.createTable('homelab_flux_objects', table => {
    table.comment('Flux objects of the last successful collection per cluster');
    table.string('cluster').notNullable();
    table.string('kind').notNullable();
    table.string('namespace').notNullable();
    table.string('name').notNullable();
    table.string('entity_ref').nullable();
    table.text('data').notNullable();
    time(table, 'collected_at').notNullable();
    table.primary(['cluster', 'kind', 'namespace', 'name']);
    table.index('entity_ref');
  });

  await knex.schema.createTable('homelab_findings', table => {
    table.comment(
      'Security findings of the last successful collection per cluster',
    );
    table.string('cluster').notNullable();
    table.string('id').notNullable();
    table.string('source').notNullable();
    table.string('severity').notNullable();
    table.integer('severity_rank').notNullable();
    table.string('namespace').nullable();
    table.string('entity_ref').nullable();
    table.string('workload').nullable();
    table.string('check_id').notNullable();
    table.text('search').notNullable();
    table.text('data').notNullable();
    time(table, 'collected_at').notNullable();
    table.primary(['cluster', 'id']);
    table.index(['cluster', 'namespace']);
    table.index('entity_ref');
    table.index('severity_rank');
  });

  await knex.schema.createTable('homelab_posture_summaries', table => {
    table.comment(
      'Posture summaries of every collection: the latest per key is current, the rest are its trend',
    );
    table.bigIncrements('id');
    time(table, 'collected_at').notNullable();
    table.string('scope').notNullable();
    table.string('key').notNullable();
    table.string('cluster').notNullable();
    table.string('namespace').nullable();
    table.string('entity_ref').nullable();
    table.text('data').notNullable();
    table.index(['scope', 'key', 'collected_at']);
    table.index(['cluster', 'collected_at']);
    table.index('collected_at');
  });

  await knex.schema.createTable('homelab_cluster_snapshots', table => {
    table.comment(
      'Other per-cluster data of the last successful collection, such as workloads',
    );
    table.string('source').notNullable();
    table.string('cluster').notNullable();
    time(table, 'collected_at').notNullable();
    table.text('data', 'longtext').notNullable();
    table.primary(['source', 'cluster']);
  });

  await knex.schema.createTable('homelab_slos', table => {
    table.comment('Each SLO with its last successful evaluation');
    table.string('id').primary();
    table.string('entity_ref').nullable();
    table.text('definition').notNullable();
    table.text('status', 'longtext').notNullable();
    time(table, 'evaluated_at').notNullable();
    table.index('entity_ref');
  });

  await knex.schema.createTable('homelab_slo_history', table => {
    table.comment('SLI and budget of every evaluation, for trends');
    table.bigIncrements('id');
    table.string('slo_id').notNullable();
    time(table, 'evaluated_at').notNullable();
    table.string('state').notNullable();
    table.double('sli').nullable();
    table.double('error_budget_remaining').nullable();
    table.index(['slo_id', 'evaluated_at']);
    table.index('evaluated_at');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'homelab_slo_history',
    'homelab_slos',
    'homelab_cluster_snapshots',
    'homelab_posture_summaries',
    'homelab_findings',
    'homelab_flux_objects',
    'homelab_collection_runs',
    'homelab_collection_state',
  ]) {
    await knex.schema.dropTable(table);
  }
};

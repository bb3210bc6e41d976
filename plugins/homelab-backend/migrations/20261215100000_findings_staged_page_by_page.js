/**
 * A security collection writes its findings page by page as it reads the
 * cluster's reports, into homelab_findings_staged, and moves them into
 * homelab_findings in one transaction when it succeeds, so that memory does
 * not grow with the findings and readers never see half a collection. Each
 * staged finding names its report: the findings of a report that a newer
 * report on the same workload container supersedes (the old ReplicaSet of a
 * rollout) are left behind, and one finding in several reports is moved once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('homelab_findings_staged', table => {
    table.comment(
      'Findings of security collections in progress, one per cluster at a time',
    );
    table.string('cluster').notNullable();
    table
      // "<Kind> <namespace>/<name>": longer than a Kubernetes name.
      .string('report', 512)
      .notNullable()
      .comment(
        'The report it came from: a report superseded by a newer one on the same workload container is dropped',
      );
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
    table.timestamp('collected_at', { useTz: true }).notNullable();
    table.primary(['cluster', 'report', 'id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('homelab_findings_staged');
};

/**
 * Backups (Velero schedules, Longhorn volumes, k3s etcd snapshots) and
 * cert-manager Certificates of each cluster's last successful collection,
 * replaced per cluster as a whole. They are stored as collected and judged
 * (age against the RPO, days to expiry) when served.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('homelab_backup_sets', table => {
    table.comment(
      'Sets of backups and their last backups, per cluster, of the last successful collection',
    );
    table.string('cluster').notNullable();
    table
      .string('id', 512)
      .notNullable()
      .comment('cluster/tool/namespace/name');
    table.string('tool').notNullable();
    table.string('namespace').nullable();
    table.text('data').notNullable().comment('JSON of the collected set');
    table.timestamp('collected_at', { useTz: true }).notNullable();
    table.primary(['cluster', 'id']);
  });
  await knex.schema.createTable('homelab_certificates', table => {
    table.comment(
      'cert-manager Certificates per cluster, of the last successful collection',
    );
    table.string('cluster').notNullable();
    table.string('namespace').notNullable();
    table.string('name').notNullable();
    table.string('entity_ref').nullable();
    table.timestamp('not_after', { useTz: true }).nullable();
    table
      .text('data')
      .notNullable()
      .comment('JSON of the collected certificate');
    table.timestamp('collected_at', { useTz: true }).notNullable();
    table.primary(['cluster', 'namespace', 'name']);
    table.index('entity_ref');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('homelab_certificates');
  await knex.schema.dropTable('homelab_backup_sets');
};

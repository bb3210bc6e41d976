/**
 * The conditions the homelab notified (an SLO burning fast, a stale source)
 * and that have not cleared since. Kept in the database, so that replicas
 * sharing it notify each condition once, and a restart does not notify
 * again what was notified before it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('homelab_notified_conditions', table => {
    table.comment('Conditions notified and not cleared since');
    table
      .string('key', 512)
      .primary()
      .comment('kind:subject, stable while the condition holds');
    table.string('kind').notNullable();
    table
      .string('entity_ref')
      .notNullable()
      .comment('The entity whose owner was told');
    table
      .integer('level')
      .notNullable()
      .comment('How bad it was when last notified');
    table.text('title').notNullable();
    table.timestamp('raised_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('homelab_notified_conditions');
};

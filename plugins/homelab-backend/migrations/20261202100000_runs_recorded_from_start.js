/**
 * Runs are recorded when they start, so that a run the database or the
 * process interrupted is found afterwards and recorded as interrupted:
 * finished_at and succeeded stay null while it runs, outcome says how it
 * ended, and deadline_at is when its task's timeout stops it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('homelab_collection_runs', table => {
    table.timestamp('finished_at', { useTz: true }).nullable().alter();
    table.boolean('succeeded').nullable().alter();
    table
      .string('outcome')
      .nullable()
      .comment('running, succeeded, failed or interrupted');
    table.timestamp('deadline_at', { useTz: true }).nullable();
  });
  await knex('homelab_collection_runs').update({
    outcome: knex.raw("case when succeeded then 'succeeded' else 'failed' end"),
  });
  await knex.schema.alterTable('homelab_collection_runs', table => {
    table.string('outcome').notNullable().alter();
    table.index('outcome');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // The first schema cannot hold a run that has not finished.
  await knex('homelab_collection_runs').whereNull('finished_at').delete();
  await knex.schema.alterTable('homelab_collection_runs', table => {
    table.dropIndex('outcome');
    table.dropColumn('outcome');
    table.dropColumn('deadline_at');
  });
  await knex.schema.alterTable('homelab_collection_runs', table => {
    table.timestamp('finished_at', { useTz: true }).notNullable().alter();
    table.boolean('succeeded').notNullable().alter();
  });
};

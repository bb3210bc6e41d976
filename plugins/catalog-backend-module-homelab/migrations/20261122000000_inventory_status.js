/**
 * The last refresh of each homelab inventory provider: whether the inventory
 * was valid, its problems, and what discovery saw in each cluster. Kept in the
 * catalog's database so that every backend replica can report it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('homelab_inventory_status', table => {
    table.comment('Last refresh of each homelab inventory provider');
    table
      .string('provider')
      .primary()
      .comment('Entity provider name, homelab-inventory:<name>');
    table
      .text('status', 'longtext')
      .notNullable()
      .comment('The status as JSON');
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('homelab_inventory_status');
};

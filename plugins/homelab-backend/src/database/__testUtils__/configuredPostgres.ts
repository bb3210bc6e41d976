import { TestDatabaseId } from '@backstage/backend-test-utils';

/**
 * The PostgreSQL ids the test environment names a server for
 * (BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING, as npm test
 * sets), so that these tests run on that server and are skipped without one
 * rather than starting Docker.
 */
export function configuredPostgresIds(): TestDatabaseId[] {
  return Object.keys(process.env).flatMap(name => {
    const major = name.match(
      /^BACKSTAGE_TEST_DATABASE_POSTGRES(\d+)_CONNECTION_STRING$/,
    )?.[1];
    return major ? [`POSTGRES_${major}` as TestDatabaseId] : [];
  });
}

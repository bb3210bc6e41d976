import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';

/**
 * Waits, a minute at most, until the catalog of a test backend has the
 * entity ("kind/namespace/name"): the catalog processes the apps' file
 * after the inventory, and the collectors place their data on what the
 * catalog holds when they run.
 */
export async function waitForEntity(
  server: Parameters<typeof request>[0],
  entity: string,
  userEntityRef: string,
) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = await request(server)
      .get(`/api/catalog/entities/by-name/${entity}`)
      .set('Authorization', mockCredentials.user.header(userEntityRef));
    if (found.status === 200) return;
    if (Date.now() > deadline) {
      throw new Error(`the catalog has no ${entity} after a minute`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

import { mockCredentials } from '@backstage/backend-test-utils';
import { SchedulerService } from '@backstage/backend-plugin-api';
import request from 'supertest';

/**
 * Runs homelab collectors of a test backend and waits, two minutes at most,
 * until each has run for every cluster since: triggerTask only starts a
 * task, and a test reading what the collectors placed on apps would
 * otherwise race them (templates.dryRun found nextcloud without its Flux
 * objects under load).
 */
export async function runCollections(
  server: Parameters<typeof request>[0],
  scheduler: SchedulerService,
  sources: string[],
  userEntityRef: string,
) {
  const since = new Date().toISOString();
  for (const source of sources) {
    await scheduler.triggerTask(`homelab-collect-${source}`);
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { body } = await request(server)
      .get('/api/homelab/freshness')
      .set('Authorization', mockCredentials.user.header(userEntityRef));
    const entries: Array<{ source: string; checkedAt?: string }> =
      body.sources ?? [];
    const pending = sources.filter(source => {
      const runs = entries.filter(entry => entry.source === source);
      return (
        runs.length === 0 ||
        runs.some(run => !run.checkedAt || run.checkedAt < since)
      );
    });
    if (pending.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `collectors not run for every cluster after two minutes: ${pending.join(
          ', ',
        )}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

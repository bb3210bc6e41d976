import { mockServices } from '@backstage/backend-test-utils';
import { RefreshingCache } from './RefreshingCache';

const logger = mockServices.logger.mock();

describe('RefreshingCache', () => {
  it('serves the old value while it rebuilds one past its TTL, and keeps it when the rebuild fails', async () => {
    let builds = 0;
    let fail = false;
    const cache = new RefreshingCache(
      'test',
      async () => {
        if (fail) throw new Error('catalog unreachable');
        builds += 1;
        return builds;
      },
      logger,
      0,
    );
    expect(await cache.get()).toBe(1);
    await new Promise(resolve => setTimeout(resolve, 2));
    // Past its TTL: the old value now, the new one built behind it.
    expect(await cache.get()).toBe(1);
    await new Promise(resolve => setTimeout(resolve, 2));
    fail = true;
    expect(await cache.get()).toBe(2);
    await new Promise(resolve => setTimeout(resolve, 2));
    expect(await cache.get()).toBe(2);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Rebuilding the test failed; serving the one built at .*: Error: catalog unreachable$/,
      ),
    );
  });

  it('rebuilds a value built from an older build of its source before serving it', async () => {
    // The model of a catalog still loading at start, then of the whole catalog.
    const catalog = [['turing-pi-2'], ['turing-pi-2', 'rk1-1', 'rk1-2']];
    let loaded = 0;
    const model = new RefreshingCache(
      'model',
      async () => catalog[Math.min(loaded++, 1)],
      logger,
      0,
    );
    const report = new RefreshingCache(
      'power report',
      async () => `${(await model.get()).length} devices`,
      logger,
      60 * 60_000,
      model,
    );
    expect(await report.get()).toBe('1 devices');
    // The model's TTL has passed: it is rebuilt in the background...
    await new Promise(resolve => setTimeout(resolve, 2));
    await model.get();
    await new Promise(resolve => setTimeout(resolve, 2));
    expect(model.generation).toBe(2);
    // ...and the report, within its own hour, is rebuilt on it at once.
    expect(await report.get()).toBe('3 devices');
    expect(await report.get()).toBe('3 devices');
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { RefreshingCache } from './RefreshingCache';

const logger = mockServices.logger.mock();

describe('RefreshingCache', () => {
  it('serves the old value while it rebuilds one past its TTL, and keeps it when the rebuild fails', async () => {
    let builds = 0;
    let fail = false;
    const cache = new RefreshingCache({
      name: 'test',
      build: async () => {
        if (fail) throw new Error('catalog unreachable');
        builds += 1;
        return builds;
      },
      logger,
      ttlMs: 0,
    });
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
    const model = new RefreshingCache({
      name: 'model',
      build: async () => catalog[Math.min(loaded++, 1)],
      logger,
      ttlMs: 0,
    });
    const report = new RefreshingCache({
      name: 'power report',
      build: async () => `${(await model.get()).length} devices`,
      logger,
      ttlMs: 60 * 60_000,
      source: model,
    });
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

  it('reads a value that lacks what it should hold again before serving it, once per retry interval, and says what it lacks once', async () => {
    // The catalog at start holds one cluster of the two configured, then both.
    const catalog = [['production'], ['production'], ['production', 'staging']];
    let reads = 0;
    const infoLogger = mockServices.logger.mock();
    const model = new RefreshingCache({
      name: 'model',
      build: async () => catalog[Math.min(reads++, 2)],
      logger: infoLogger,
      ttlMs: 60 * 60_000,
      missing: {
        of: clusters =>
          clusters.includes('staging') ? undefined : 'cluster staging',
        retryMs: 5,
      },
    });
    expect(await model.get()).toEqual(['production']);
    // Within the retry interval the value is served as it is.
    expect(await model.get()).toEqual(['production']);
    expect(reads).toBe(1);
    await new Promise(resolve => setTimeout(resolve, 10));
    // Past it, the request waits for the catalog to be read again.
    expect(await model.get()).toEqual(['production']);
    await new Promise(resolve => setTimeout(resolve, 10));
    expect(await model.get()).toEqual(['production', 'staging']);
    expect(reads).toBe(3);
    // Complete, it is kept for its TTL however often it is read.
    await new Promise(resolve => setTimeout(resolve, 10));
    expect(await model.get()).toEqual(['production', 'staging']);
    expect(reads).toBe(3);
    expect(infoLogger.info).toHaveBeenCalledTimes(1);
    expect(infoLogger.info).toHaveBeenCalledWith(
      'The model lacks cluster staging; it is rebuilt when read, at most every 5 ms, until it holds them',
    );
  });
});

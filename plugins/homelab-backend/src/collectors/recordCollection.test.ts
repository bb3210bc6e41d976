import { mockServices } from '@backstage/backend-test-utils';
import { CollectionStore, StartedRun } from '../database/CollectionStore';
import { DatabaseUnavailableError } from '../database/DatabaseUnavailableError';
import { recordCollection } from './recordCollection';

/*
 * How a run ends up in the run log, which is what marks a source stale:
 * against a store that records the calls, so that each outcome and each
 * failure of the store itself can be told apart.
 */

const STARTED: StartedRun = {
  id: 7,
  source: 'flux',
  cluster: 'staging',
  startedAt: new Date('2026-12-04T10:00:00Z'),
};

function store(
  overrides: Partial<CollectionStore> = {},
): jest.Mocked<CollectionStore> {
  return {
    startRun: jest.fn(async () => STARTED),
    finishRun: jest.fn(async () => {}),
    recordInterruptedRuns: jest.fn(),
    freshness: jest.fn(),
    prune: jest.fn(),
    ...overrides,
  } as jest.Mocked<CollectionStore>;
}

const target = {
  source: 'flux' as const,
  cluster: 'staging',
  timeoutMs: 90_000,
};

/** The outcome finishRun recorded. */
const outcomeOf = (collections: ReturnType<typeof store>) =>
  (collections.finishRun.mock.calls[0] as unknown[])[2];

describe('recordCollection', () => {
  it('records the start with its deadline, collects for the given moment, and records the success', async () => {
    const collections = store();
    const logger = mockServices.logger.mock();
    const signal = new AbortController().signal;
    const moment = new Date('2026-12-01T00:00:00Z');
    const collect = jest.fn(async () => ({ itemCount: 3, warnings: ['x'] }));
    const before = Date.now();
    await recordCollection(
      collections,
      logger,
      { ...target, signal, now: () => moment },
      collect,
    );
    const [started] = collections.startRun.mock.calls[0] as any[];
    expect(started).toEqual({
      source: 'flux',
      cluster: 'staging',
      startedAt: expect.any(Date),
      deadline: new Date(started.startedAt.getTime() + 90_000),
    });
    expect(started.startedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(collect).toHaveBeenCalledWith(moment, signal);
    expect(collections.finishRun).toHaveBeenCalledWith(
      STARTED,
      expect.any(Date),
      { outcome: 'succeeded', itemCount: 3, warnings: ['x'] },
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('collects for the start of the run when no moment is given', async () => {
    const collections = store();
    const collect = jest.fn(async () => ({ itemCount: 0, warnings: [] }));
    await recordCollection(
      collections,
      mockServices.logger.mock(),
      target,
      collect,
    );
    const [started] = collections.startRun.mock.calls[0] as any[];
    expect(collect).toHaveBeenCalledWith(started.startedAt, undefined);
  });

  it('records a failed source as failed, with its error, and keeps going', async () => {
    const collections = store();
    const logger = mockServices.logger.mock();
    await recordCollection(collections, logger, target, async () => {
      throw new Error('connect ECONNREFUSED 192.168.100.11:6443');
    });
    expect(outcomeOf(collections)).toEqual({
      outcome: 'failed',
      error: 'connect ECONNREFUSED 192.168.100.11:6443',
    });
    expect(logger.warn).toHaveBeenCalledWith(
      'Collecting flux from cluster "staging" failed; the last good data is kept: connect ECONNREFUSED 192.168.100.11:6443',
    );
  });

  it('records whatever was thrown, even if not an Error', async () => {
    const collections = store();
    await recordCollection(
      collections,
      mockServices.logger.mock(),
      target,
      () => Promise.reject('gone'),
    );
    expect(outcomeOf(collections)).toEqual({
      outcome: 'failed',
      error: 'gone',
    });

    // Nor anything at all: the run is still recorded, not thrown.
    const nothing = store();
    await recordCollection(nothing, mockServices.logger.mock(), target, () =>
      Promise.reject(undefined),
    );
    expect(outcomeOf(nothing)).toEqual({
      outcome: 'failed',
      error: 'undefined',
    });
  });

  it('records a run the database stopped as interrupted', async () => {
    const collections = store();
    const logger = mockServices.logger.mock();
    await recordCollection(
      collections,
      logger,
      { source: 'slo', timeoutMs: 60_000 },
      async () => {
        throw new DatabaseUnavailableError('the connection was lost');
      },
    );
    const error =
      'interrupted: The homelab database is unavailable: the connection was lost; try again shortly';
    expect(outcomeOf(collections)).toEqual({ outcome: 'interrupted', error });
    expect(logger.warn).toHaveBeenCalledWith(
      `Collecting slo was interrupted; the last good data is kept: ${error}`,
    );
  });

  it("stops waiting when the scheduler's signal aborts, and records the run as interrupted", async () => {
    const collections = store();
    const controller = new AbortController();
    const recorded = recordCollection(
      collections,
      mockServices.logger.mock(),
      { ...target, timeoutMs: 89_600, signal: controller.signal },
      () => new Promise(() => {}),
    );
    controller.abort();
    await recorded;
    expect(outcomeOf(collections)).toEqual({
      outcome: 'interrupted',
      error:
        'interrupted: the scheduler stopped the run, because the backend is stopping or the run reached its timeout of 90 s',
    });
  });

  it('does not start collecting for a signal aborted already', async () => {
    const collections = store();
    const controller = new AbortController();
    controller.abort();
    await recordCollection(
      collections,
      mockServices.logger.mock(),
      { ...target, signal: controller.signal },
      () => new Promise(() => {}),
    );
    expect(outcomeOf(collections)).toMatchObject({ outcome: 'interrupted' });
  });

  it('lets a signal that aborts after the run ended change nothing', async () => {
    const collections = store();
    const controller = new AbortController();
    const signal = controller.signal;
    const remove = jest.spyOn(signal, 'removeEventListener');
    await recordCollection(
      collections,
      mockServices.logger.mock(),
      { ...target, signal },
      async () => ({ itemCount: 1, warnings: [] }),
    );
    controller.abort();
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    expect(collections.finishRun).toHaveBeenCalledTimes(1);
    expect(outcomeOf(collections)).toMatchObject({ outcome: 'succeeded' });
  });

  it('collects nothing when the start cannot be recorded', async () => {
    const collections = store({
      startRun: jest.fn(async () => {
        throw new Error('database is read-only');
      }),
    });
    const logger = mockServices.logger.mock();
    const collect = jest.fn();
    await recordCollection(collections, logger, target, collect);
    expect(collect).not.toHaveBeenCalled();
    expect(collections.finishRun).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      'Collecting flux from cluster "staging" did not start: Error: database is read-only',
    );
  });

  it('never throws when the end cannot be recorded; a later run records it', async () => {
    const collections = store({
      finishRun: jest.fn(async () => {
        throw new Error('connection terminated');
      }),
    });
    const logger = mockServices.logger.mock();
    await expect(
      recordCollection(collections, logger, target, async () => ({
        itemCount: 1,
        warnings: [],
      })),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'The end of collecting flux from cluster "staging" could not be recorded; a later run records it as interrupted: Error: connection terminated',
    );
  });
});

import { SourceFreshness } from '@homelab/plugin-homelab-common';
import { CollectorSource } from '../collectors/collectorSources';
import { FreshnessReader } from './FreshnessReader';

/*
 * How the API ages the freshness the runs recorded: the decision alone, on
 * entries as the collection store gives them (the same rule on PostgreSQL,
 * through the API, is in collectionFaults.test.ts).
 */

const NOW = new Date('2026-12-01T12:00:00Z');
const secondsAgo = (seconds: number) =>
  new Date(NOW.getTime() - seconds * 1000).toISOString();
const TWO_MINUTES = 120_000;

/** A reader over these entries, as the store would give them, with each collector's allowance. */
function reader(
  entries: SourceFreshness[],
  allowances: Partial<Record<CollectorSource, number | undefined>> = {},
) {
  const asked: Array<CollectorSource[] | undefined> = [];
  const collectors = {
    workloads: { staleAfterMs: TWO_MINUTES },
    flux: { staleAfterMs: TWO_MINUTES },
    security: { staleAfterMs: TWO_MINUTES },
    slo: { staleAfterMs: TWO_MINUTES },
    backups: { staleAfterMs: TWO_MINUTES },
    certificates: { staleAfterMs: TWO_MINUTES },
    ...Object.fromEntries(
      Object.entries(allowances).map(([source, staleAfterMs]) => [
        source,
        { staleAfterMs },
      ]),
    ),
  };
  const freshness = new FreshnessReader(
    {
      freshness: async sources => {
        asked.push(sources);
        return entries;
      },
    },
    collectors,
    () => NOW,
  );
  return { freshness, asked };
}

const collected = (
  seconds: number,
  extra: Partial<SourceFreshness> = {},
): SourceFreshness => ({
  source: 'flux',
  cluster: 'production',
  state: 'fresh',
  collectedAt: secondsAgo(seconds),
  checkedAt: secondsAgo(seconds),
  ...extra,
});

describe('FreshnessReader', () => {
  it('serves data collected within its allowance as the runs left it, up to the allowance itself', async () => {
    const entries = [collected(119), collected(120, { cluster: 'staging' })];
    const { freshness } = reader(entries);
    expect(await freshness.read()).toEqual(entries);
  });

  it('serves data older than its allowance as stale, saying for how long it was not refreshed', async () => {
    const { freshness } = reader([
      collected(121, { warnings: ['polaris is not installed'] }),
    ]);
    expect(await freshness.read()).toEqual([
      {
        source: 'flux',
        cluster: 'production',
        state: 'stale',
        collectedAt: secondsAgo(121),
        checkedAt: secondsAgo(121),
        warnings: ['polaris is not installed'],
        error:
          'not refreshed for 121 s, longer than the 120 s its schedule allows',
      },
    ]);
  });

  it("ages each source by its own collector's allowance", async () => {
    const { freshness } = reader(
      [
        collected(600, { source: 'security', cluster: undefined }),
        collected(600),
      ],
      { security: 15 * 60_000 },
    );
    expect((await freshness.read()).map(s => [s.source, s.state])).toEqual([
      ['security', 'fresh'],
      ['flux', 'stale'],
    ]);
  });

  it('keeps what the runs said of data that is stale already, never collected, or of a schedule without a period', async () => {
    const entries: SourceFreshness[] = [
      collected(900, {
        state: 'stale',
        error: 'interrupted: the backend stopped during the run',
      }),
      { source: 'flux', cluster: 'lab', state: 'never-collected' },
      // A never-collected entry with a time would still not be aged.
      collected(900, { cluster: 'edge', state: 'never-collected' }),
      // Fresh, but without the time it was collected: nothing to age by.
      collected(900, { cluster: 'pi', collectedAt: undefined }),
      // A cron or manual schedule gives no allowance.
      collected(900, { source: 'slo', cluster: undefined }),
      // Nor does a source no collector serves.
      collected(900, { source: 'retired', cluster: undefined }),
    ];
    const { freshness } = reader(entries, { slo: undefined });
    expect(await freshness.read()).toEqual(entries);
  });

  it('asks the store for the sources it is asked for, or for all', async () => {
    const { freshness, asked } = reader([]);
    await freshness.read(['flux', 'slo']);
    await freshness.read();
    expect(asked).toEqual([['flux', 'slo'], undefined]);
  });
});

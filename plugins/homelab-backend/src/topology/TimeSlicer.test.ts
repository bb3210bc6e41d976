import { TimeSlicer } from './TimeSlicer';

/** Counts how many times the event loop turned while `work` ran. */
async function turnsDuring(work: () => Promise<void>) {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  return turns;
}

/** Keeps the CPU busy, synchronously, for `ms`. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('TimeSlicer', () => {
  it('lets the event loop turn between slices of long work', async () => {
    const turns = await turnsDuring(() =>
      new TimeSlicer(5).forEach(Array.from({ length: 20 }), () => busy(2)),
    );
    // 40 ms of work in 5 ms slices: the loop turns about eight times.
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it('does not yield while the slice lasts', async () => {
    const turns = await turnsDuring(() =>
      new TimeSlicer(60_000).forEach(Array.from({ length: 20 }), () => busy(1)),
    );
    expect(turns).toBe(0);
  });
});

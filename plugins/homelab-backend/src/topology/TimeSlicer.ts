/**
 * Splits long synchronous work into slices: `pause()` yields to the event
 * loop once the current slice has run for `sliceMs`, so that requests served
 * meanwhile wait at most about one slice. Building the topology of a large
 * estate takes seconds of CPU; done in one go it would hold every request
 * for that long.
 */
export class TimeSlicer {
  #sliceStarted = performance.now();

  constructor(private readonly sliceMs = 8) {}

  /** Yields to the event loop if the current slice is used up; cheap otherwise. */
  async pause(): Promise<void> {
    if (performance.now() - this.#sliceStarted < this.sliceMs) return;
    await new Promise<void>(resolve => setImmediate(resolve));
    this.#sliceStarted = performance.now();
  }

  /** Calls `each` for every item, pausing between items when the slice is used up. */
  async forEach<T>(items: Iterable<T>, each: (item: T) => void): Promise<void> {
    for (const item of items) {
      each(item);
      await this.pause();
    }
  }
}

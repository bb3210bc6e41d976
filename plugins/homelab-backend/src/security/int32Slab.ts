/** How many values each shared buffer holds: 256 KB. */
const SLAB_LENGTH = 1 << 16;

/**
 * Int32Arrays cut from shared buffers. A collection needs a few small
 * arrays per report (its findings' ids, its image scan's keys); a buffer of
 * its own for each was an allocation outside the JavaScript heap that the
 * garbage collector then tracked and freed, about a tenth of the
 * aggregation's time in issue 12's bench. A buffer lives as long as any
 * array cut from it, so arrays of one lifetime share a slab.
 */
export class Int32Slab {
  #buffer = new Int32Array(0);
  #used = 0;

  /** A new array of `length` zeros. */
  take(length: number): Int32Array {
    // A large array would leave much of a buffer unused.
    if (length > SLAB_LENGTH / 4) return new Int32Array(length);
    if (this.#used + length > this.#buffer.length) {
      this.#buffer = new Int32Array(SLAB_LENGTH);
      this.#used = 0;
    }
    const array = this.#buffer.subarray(this.#used, this.#used + length);
    this.#used += length;
    return array;
  }
}

const HEX = Array.from({ length: 256 }, (_, byte) =>
  byte.toString(16).padStart(2, '0'),
);

const SEED1 = 0x9e3779b9;
const SEED2 = 0x41c6ce57;

const hex32 = (value: number) =>
  HEX[value >>> 24] +
  HEX[(value >>> 16) & 255] +
  HEX[(value >>> 8) & 255] +
  HEX[value & 255];

/**
 * Finding ids: the same for the same finding in every collection, and
 * different for findings that differ in anything a report says about them
 * (cluster, source, namespace, workload, container, check, package and
 * version, file, match, message, properties). The ReplicaSet is left out, so
 * that the same finding in the old and the new ReplicaSet of one Deployment
 * is one finding.
 *
 * An id is a 64-bit hash (two 32-bit multiply-xor lanes over the UTF-16
 * code units, as cyrb53 mixes them) in 16 hex digits. What the findings of
 * one workload container share is hashed once (`start`) and each finding
 * goes on from there (`begin`, `add`, `id`): a large cluster has hundreds of
 * thousands of findings, and a SHA-1 per finding was a third of the
 * aggregation (issue 12's bench). It identifies; it protects nothing: a
 * collision among a million findings is about one in 30 million.
 */
export class FindingIds {
  #start1 = 0;
  #start2 = 0;
  #h1 = 0;
  #h2 = 0;

  /** Hashes what the findings to come share, and begins the first. */
  start(...shared: Array<string | undefined>): this {
    this.#h1 = SEED1;
    this.#h2 = SEED2;
    for (const part of shared) this.add(part);
    this.#start1 = this.#h1;
    this.#start2 = this.#h2;
    return this;
  }

  /** Begins a finding's id from what its findings share. */
  begin(): this {
    this.#h1 = this.#start1;
    this.#h2 = this.#start2;
    return this;
  }

  /**
   * Adds a part, and writes at `index` of `keys` the id the part alone has
   * (as `new FindingIds().start().add(part).write(keys, index)`): a
   * vulnerability's id begins its finding's id and is its key in its image
   * scan, and a cluster's hundreds of thousands are read once for both.
   */
  addAndKey(part: string | undefined, keys: Int32Array, index: number): this {
    const text = part ?? '';
    const length = text.length;
    let h1 = this.#h1;
    let h2 = this.#h2;
    let k1 = SEED1;
    let k2 = SEED2;
    let i = 0;
    for (; i + 1 < length; i += 2) {
      const pair = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ pair, 2654435761);
      h2 = Math.imul(h2 ^ pair, 1597334677);
      k1 = Math.imul(k1 ^ pair, 2654435761);
      k2 = Math.imul(k2 ^ pair, 1597334677);
    }
    if (i < length) {
      const last = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ last, 2654435761);
      h2 = Math.imul(h2 ^ last, 1597334677);
      k1 = Math.imul(k1 ^ last, 2654435761);
      k2 = Math.imul(k2 ^ last, 1597334677);
    }
    this.#h1 = Math.imul(h1 ^ (0x5bd1e995 + length), 2654435761);
    this.#h2 = Math.imul(h2 ^ (0x5bd1e995 + length), 1597334677);
    writeId(
      Math.imul(k1 ^ (0x5bd1e995 + length), 2654435761),
      Math.imul(k2 ^ (0x5bd1e995 + length), 1597334677),
      keys,
      index,
    );
    return this;
  }

  /** Adds a part; an absent part and an empty one are the same. */
  add(part: string | undefined): this {
    const text = part ?? '';
    const length = text.length;
    let h1 = this.#h1;
    let h2 = this.#h2;
    let i = 0;
    for (; i + 1 < length; i += 2) {
      const pair = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ pair, 2654435761);
      h2 = Math.imul(h2 ^ pair, 1597334677);
    }
    if (i < length) {
      const last = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ last, 2654435761);
      h2 = Math.imul(h2 ^ last, 1597334677);
    }
    // The length ends the part: ("ab", "c") and ("a", "bc") differ.
    h1 = Math.imul(h1 ^ (0x5bd1e995 + length), 2654435761);
    h2 = Math.imul(h2 ^ (0x5bd1e995 + length), 1597334677);
    this.#h1 = h1;
    this.#h2 = h2;
    return this;
  }

  /** The id of the finding begun. */
  id(): string {
    const hashes = new Int32Array(2);
    this.write(hashes, 0);
    return readFindingId(hashes, 0);
  }

  /**
   * Writes the id of the finding begun as two 32-bit values at `index`:
   * a scan's ids are held so until they are stored, one array for all of
   * them instead of a string each.
   */
  write(into: Int32Array, index: number): void {
    writeId(this.#h1, this.#h2, into, index);
  }
}

/** Mixes the two lanes into an id's two 32-bit values, written at `index`. */
function writeId(h1: number, h2: number, into: Int32Array, index: number) {
  let a = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  a ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  let b = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  b ^= Math.imul(a ^ (a >>> 13), 3266489909);
  into[2 * index] = a;
  into[2 * index + 1] = b;
}

/** The id FindingIds.write wrote at `index`, in 16 hex digits. */
export function readFindingId(from: Int32Array, index: number): string {
  return hex32(from[2 * index]) + hex32(from[2 * index + 1]);
}

/**
 * A JSON text of a value with object keys sorted, so that the same
 * properties give the same text whatever order a tool wrote them in.
 */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map(
        key =>
          `${JSON.stringify(key)}:${stableJson(
            (value as Record<string, unknown>)[key],
          )}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

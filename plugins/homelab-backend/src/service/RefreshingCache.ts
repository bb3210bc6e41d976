import { LoggerService } from '@backstage/backend-plugin-api';

/** How a RefreshingCache builds its value and how long it keeps it. */
interface RefreshingCacheOptions<T> {
  /** What the value is, for the log. */
  name: string;
  build: () => Promise<T>;
  logger: LoggerService;
  /** After this long the value is rebuilt in the background. */
  ttlMs: number;
  /** The cache this value is built from: a rebuild of it is a rebuild of this. */
  source?: Pick<RefreshingCache<unknown>, 'generation'>;
  /**
   * What a value lacks that it should hold (like clusters the collectors
   * see and the catalog has not ingested yet), or undefined when it lacks
   * nothing. A value lacking something is rebuilt before it is served once
   * it is older than `retryMs`, not served for a whole TTL.
   */
  missing?: { of: (value: T) => string | undefined; retryMs: number };
}

/**
 * A value that is expensive to build (it reads the whole homelab from the
 * catalog) and must not be built per request. Once it is older than the
 * TTL, the next request starts a rebuild in the background and is answered
 * with the old value; a failed rebuild keeps the old value. Only the very
 * first request waits, and concurrent requests share one build.
 *
 * A cache built from another (its `source`, like the power report from the
 * catalog model) is rebuilt before it is served once its source has been
 * rebuilt since: a report built from the model of a catalog that was still
 * loading is never served for a whole TTL.
 */
export class RefreshingCache<T> {
  #current?: { value: T; builtAt: number; sourceGeneration: number };
  #building?: Promise<T>;
  #generation = 0;
  #reportedMissing?: string;

  constructor(private readonly options: RefreshingCacheOptions<T>) {}

  /** How many builds have completed: a cache built from this one compares it with the one it was built from. */
  get generation(): number {
    return this.#generation;
  }

  async get(): Promise<T> {
    const current = this.#current;
    if (
      !current ||
      this.#sourceMoved(current.sourceGeneration) ||
      this.#lacksAndMayRetry(current)
    ) {
      return this.#rebuild();
    }
    if (Date.now() - current.builtAt > this.options.ttlMs) {
      this.#rebuild().catch(error =>
        this.options.logger.warn(
          `Rebuilding the ${
            this.options.name
          } failed; serving the one built at ${new Date(
            current.builtAt,
          ).toISOString()}: ${error}`,
        ),
      );
    }
    return current.value;
  }

  #sourceMoved(sourceGeneration: number): boolean {
    const { source } = this.options;
    return !!source && source.generation > sourceGeneration;
  }

  #lacksAndMayRetry(current: { value: T; builtAt: number }): boolean {
    const { missing } = this.options;
    return (
      !!missing &&
      Date.now() - current.builtAt > missing.retryMs &&
      missing.of(current.value) !== undefined
    );
  }

  #rebuild(): Promise<T> {
    if (!this.#building) {
      // Read before building: a source rebuilt during the build only causes
      // one more build, never a value served as newer than it is.
      const sourceGeneration = this.options.source?.generation ?? 0;
      this.#building = this.options
        .build()
        .then(value => {
          this.#current = { value, builtAt: Date.now(), sourceGeneration };
          this.#generation += 1;
          this.#reportMissing(value);
          return value;
        })
        .finally(() => {
          this.#building = undefined;
        });
    }
    return this.#building;
  }

  /** Logs what a value lacks when that changes, not on every retry. */
  #reportMissing(value: T) {
    const missing = this.options.missing?.of(value);
    if (missing && missing !== this.#reportedMissing) {
      this.options.logger.info(
        `The ${this.options.name} lacks ${missing}; it is rebuilt when read, at most every ${this.options.missing?.retryMs} ms, until it holds them`,
      );
    }
    this.#reportedMissing = missing;
  }
}

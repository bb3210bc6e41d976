import { LoggerService } from '@backstage/backend-plugin-api';

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

  constructor(
    private readonly name: string,
    private readonly build: () => Promise<T>,
    private readonly logger: LoggerService,
    private readonly ttlMs: number,
    private readonly source?: RefreshingCache<unknown>,
  ) {}

  /** How many builds have completed: a cache built from this one compares it with the one it was built from. */
  get generation(): number {
    return this.#generation;
  }

  async get(): Promise<T> {
    const current = this.#current;
    if (!current || this.#sourceMoved(current.sourceGeneration)) {
      return this.#rebuild();
    }
    if (Date.now() - current.builtAt > this.ttlMs) {
      this.#rebuild().catch(error =>
        this.logger.warn(
          `Rebuilding the ${
            this.name
          } failed; serving the one built at ${new Date(
            current.builtAt,
          ).toISOString()}: ${error}`,
        ),
      );
    }
    return current.value;
  }

  #sourceMoved(sourceGeneration: number): boolean {
    return !!this.source && this.source.generation > sourceGeneration;
  }

  #rebuild(): Promise<T> {
    if (!this.#building) {
      // Read before building: a source rebuilt during the build only causes
      // one more build, never a value served as newer than it is.
      const sourceGeneration = this.source?.generation ?? 0;
      this.#building = this.build()
        .then(value => {
          this.#current = { value, builtAt: Date.now(), sourceGeneration };
          this.#generation += 1;
          return value;
        })
        .finally(() => {
          this.#building = undefined;
        });
    }
    return this.#building;
  }
}

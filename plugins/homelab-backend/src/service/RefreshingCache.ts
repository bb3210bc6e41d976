import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * A value that is expensive to build (it reads the whole homelab from the
 * catalog) and must not be built per request. Once it is older than the
 * TTL, the next request starts a rebuild in the background and is answered
 * with the old value; a failed rebuild keeps the old value. Only the very
 * first request waits, and concurrent requests share one build.
 */
export class RefreshingCache<T> {
  #current?: { value: T; builtAt: number };
  #building?: Promise<T>;

  constructor(
    private readonly name: string,
    private readonly build: () => Promise<T>,
    private readonly logger: LoggerService,
    private readonly ttlMs: number,
  ) {}

  async get(): Promise<T> {
    const current = this.#current;
    if (!current) return this.#rebuild();
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

  #rebuild(): Promise<T> {
    this.#building ??= this.build()
      .then(value => {
        this.#current = { value, builtAt: Date.now() };
        return value;
      })
      .finally(() => {
        this.#building = undefined;
      });
    return this.#building;
  }
}

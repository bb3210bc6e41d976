import { createBackend } from '@backstage/backend-defaults';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';

/**
 * Starts a real Backstage backend (backend-defaults, SQLite in a file) for
 * benchmarks, on the given port, with unauthenticated access so the
 * benchmark can poll its API.
 */
export async function startBenchBackend(options: {
  port: number;
  databaseDirectory: string;
  config?: object;
  features: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
}) {
  // Request logs would drown the results; warnings and errors still show.
  process.env.LOG_LEVEL ??= 'warn';
  const backend = createBackend();
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: `http://localhost:${options.port}`,
          listen: { port: options.port, host: '127.0.0.1' },
          database: {
            client: 'better-sqlite3',
            connection: { directory: options.databaseDirectory },
          },
          auth: { dangerouslyDisableDefaultAuthPolicy: true },
        },
        ...options.config,
      },
    }),
  );
  for (const feature of options.features) backend.add(feature);
  await backend.start();
  return {
    url: `http://localhost:${options.port}`,
    stop: () => backend.stop(),
  };
}

/** Counts catalog entities matching a filter, once processed (stitched). */
export async function countEntities(
  baseUrl: string,
  filter: string,
): Promise<number> {
  const response = await fetch(
    `${baseUrl}/api/catalog/entities/by-query?limit=1&filter=${encodeURIComponent(
      filter,
    )}`,
  );
  const body = (await response.json()) as { totalItems: number };
  return body.totalItems;
}

/** Polls until the catalog holds `expected` matching entities; returns when it did. */
export async function waitForEntities(
  baseUrl: string,
  filter: string,
  expected: number,
  timeoutMs = 30 * 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await countEntities(baseUrl, filter);
    if (count >= expected) return;
    if (Date.now() > deadline)
      throw new Error(
        `catalog holds ${count} of ${expected} entities after ${timeoutMs} ms`,
      );
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

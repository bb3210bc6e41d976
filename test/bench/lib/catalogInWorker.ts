import { createServiceFactory } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** What stands for CATALOG_FILTER_EXISTS on the way: a symbol cannot be sent to a thread. */
const FILTER_EXISTS = 'CATALOG_FILTER_EXISTS';

/** A filter with CATALOG_FILTER_EXISTS spelled FILTER_EXISTS, as catalogWorker.js reads it back. */
function sendable(value: unknown): unknown {
  if (value === CATALOG_FILTER_EXISTS) return FILTER_EXISTS;
  if (Array.isArray(value)) return value.map(sendable);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, sendable(field)]),
  );
}

/** Options that carry credentials: the in-memory catalog ignores them, and they are not sent. */
const isRequestOptions = (arg: unknown) =>
  typeof arg === 'object' &&
  arg !== null &&
  ('credentials' in arg || 'token' in arg);

/**
 * Backstage's in-memory catalog (catalogServiceMock) with the given
 * entities, run on a worker thread and reached by messages, as a real
 * catalog is reached over HTTP with its queries run by the database.
 *
 * In the backend's own thread the in-memory catalog would cost what no real
 * catalog costs there: it matches every entity against the filter again for
 * each page (walking each entity's whole tree), about 100 ms a page of 500
 * for 10,000 entities, all in one macrotask since nothing it awaits is I/O.
 * Here the backend's thread pays only for receiving the pages, as it pays
 * for parsing a real catalog's JSON answers.
 */
export function catalogInWorker(entities: Entity[]) {
  const worker = new Worker(path.join(__dirname, 'catalogWorker.js'), {
    workerData: { entities },
  });
  worker.unref();
  const pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void }
  >();
  let nextId = 0;
  worker.on('message', ({ id, value, error }) => {
    const call = pending.get(id)!;
    pending.delete(id);
    if (error) call.reject(Object.assign(new Error(error.message), error));
    else call.resolve(value);
  });
  const forward = (method: string, args: unknown[]) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({
        id,
        method,
        args: args.filter(arg => !isRequestOptions(arg)).map(sendable),
      });
    });
  const service = new Proxy({} as CatalogService, {
    get(_target, method) {
      // Not a thenable; streams cannot cross the thread as answers do.
      if (typeof method !== 'string' || method === 'then') return undefined;
      if (method.startsWith('stream')) {
        return () => {
          throw new Error(`${method} is not forwarded to the worker`);
        };
      }
      return (...args: unknown[]) => forward(method, args);
    },
  });
  return {
    factory: createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => service,
    }),
    stop: () => worker.terminate(),
  };
}

/*
 * The worker thread of lib/catalogInWorker.ts: holds the estate's entities in
 * Backstage's in-memory catalog and answers the calls the backend forwards.
 */
'use strict';

const { parentPort, workerData } = require('node:worker_threads');
const { CATALOG_FILTER_EXISTS } = require('@backstage/catalog-client');
const {
  catalogServiceMock,
} = require('@backstage/plugin-catalog-node/testUtils');

/** catalogInWorker.ts spells CATALOG_FILTER_EXISTS so, a symbol being unsendable. */
const FILTER_EXISTS = 'CATALOG_FILTER_EXISTS';

function received(value) {
  if (value === FILTER_EXISTS) return CATALOG_FILTER_EXISTS;
  if (Array.isArray(value)) return value.map(received);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, received(field)]),
  );
}

const catalog = catalogServiceMock({ entities: workerData.entities });

parentPort.on('message', async ({ id, method, args }) => {
  try {
    parentPort.postMessage({
      id,
      value: await catalog[method](...args.map(received)),
    });
  } catch (error) {
    parentPort.postMessage({
      id,
      error: { name: error.name, message: error.message },
    });
  }
});

import { NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { InventoryStatusStore } from './InventoryStatusStore';

/**
 * Read-only routes, mounted under the catalog (/api/catalog/homelab/...):
 * the status of every homelab inventory, or of one by its name.
 */
export function createStatusRouter(
  store: InventoryStatusStore,
): express.Router {
  const router = Router();
  router.get('/homelab/inventory/status', async (_request, response) => {
    response.json({ items: await store.list() });
  });
  router.get('/homelab/inventory/status/:name', async (request, response) => {
    const status = await store.get(`homelab-inventory:${request.params.name}`);
    if (!status) {
      throw new NotFoundError(
        `no homelab inventory named "${request.params.name}"`,
      );
    }
    response.json(status);
  });
  return router;
}

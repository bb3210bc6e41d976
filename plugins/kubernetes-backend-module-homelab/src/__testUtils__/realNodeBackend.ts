/*
 * A backend with Backstage's catalog, its Kubernetes plugin and this module, run by
 * startRealNodeBackend in a Node.js process of its own: the Kubernetes
 * plugin loads @kubernetes/client-node with import(), which Jest's module
 * sandbox cannot run. The config files come as --config arguments.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
// The Kubernetes plugin looks up the entity it is asked about here.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('../index'));
backend.start();

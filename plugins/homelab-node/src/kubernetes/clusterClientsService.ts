import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ClusterClient } from './ClusterClient';
import { readClusterConnections } from './clusterConnections';
import { createClusterClient } from './createClusterClient';

/**
 * The clients of the clusters in homelab.clusters, built once and shared by
 * every plugin and module that reads or changes those clusters.
 *
 * @public
 */
export interface HomelabClusterClientsService {
  /** Every configured cluster's client, in the order of homelab.clusters. */
  list(): ClusterClient[];
  /** The client of a configured cluster; undefined for any other name. */
  get(cluster: string): ClusterClient | undefined;
}

/**
 * The cluster clients of homelab.clusters, one per configured cluster.
 *
 * @public
 */
export function clusterClientsFromConfig(
  config: Config,
): HomelabClusterClientsService {
  const clients = readClusterConnections(config).map(createClusterClient);
  const byName = new Map(clients.map(client => [client.cluster, client]));
  return {
    list: () => [...clients],
    get: cluster => byName.get(cluster),
  };
}

/**
 * The homelab's cluster clients. Root-scoped, so the catalog module and the
 * homelab backend read the configuration once and share the clients; the
 * default factory builds them from homelab.clusters, and a backend can
 * replace it (with recorded clusters, say) by adding its own factory.
 *
 * @public
 */
export const homelabClusterClientsServiceRef =
  createServiceRef<HomelabClusterClientsService>({
    id: 'homelab.cluster-clients',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { config: coreServices.rootConfig },
        factory: ({ config }) => clusterClientsFromConfig(config),
      }),
  });

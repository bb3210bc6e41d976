import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterClient } from '@homelab/plugin-homelab-node';
import { CollectionStore } from '../database/CollectionStore';
import { CollectorSource } from './collectorSources';
import {
  Collection,
  CollectionRun,
  recordCollection,
} from './recordCollection';

/**
 * A source collected from each cluster on its own. `collect` reads
 * everything first and writes only when all reads succeeded and the signal
 * has not aborted, so a failure or a stopped run leaves the cluster's last
 * good data in place.
 */
export interface ClusterCollector {
  /** The source name the data and its freshness are stored under. */
  readonly source: CollectorSource;
  collect(
    client: ClusterClient,
    collectedAt: Date,
    signal?: AbortSignal,
  ): Promise<Collection>;
}

/**
 * Runs a collector against every cluster at once. Each cluster succeeds or
 * fails on its own, so one cluster that is down neither blocks nor hides
 * the others.
 */
export async function runClusterCollector(
  collector: ClusterCollector,
  clients: ClusterClient[],
  collections: CollectionStore,
  logger: LoggerService,
  run: Pick<CollectionRun, 'timeoutMs' | 'signal'>,
): Promise<void> {
  await Promise.all(
    clients.map(client =>
      recordCollection(
        collections,
        logger,
        { ...run, source: collector.source, cluster: client.cluster },
        (collectedAt, signal) => collector.collect(client, collectedAt, signal),
      ),
    ),
  );
}

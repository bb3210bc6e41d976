import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ClusterClient, PrometheusClient } from '@homelab/plugin-homelab-node';
import { loadEntityIndex } from '../catalog/loadEntityIndex';
import { HomelabBackendConfig } from '../config';
import { HomelabStore } from '../database/HomelabStore';
import { ClusterSloSource } from '../slo/sources/ClusterSloSource';
import { EntityOpenSloSource } from '../slo/sources/EntityOpenSloSource';
import { OpenSloFileSource } from '../slo/sources/OpenSloFileSource';
import { runClusterCollector } from './ClusterCollector';
import { CollectorSource } from './collectorSources';
import { FluxCollector } from './FluxCollector';
import { PolarisSource } from './PolarisSource';
import { recordCollection } from './recordCollection';
import { SecurityCollector } from './SecurityCollector';
import { SloCollector } from './SloCollector';
import { WorkloadsCollector } from './WorkloadsCollector';

/** What the collectors read from and write to. */
interface CollectorOptions {
  config: HomelabBackendConfig;
  logger: LoggerService;
  store: HomelabStore;
  clients: ClusterClient[];
  /** Undefined when homelab.prometheus is not configured: no SLO collection. */
  prometheus?: PrometheusClient;
  catalog: CatalogService;
  auth: AuthService;
  urlReader: UrlReaderService;
  /** The time SLOs are evaluated at; now, unless recording answers for a fixed moment. */
  now?: () => Date;
}

/**
 * One run of a collector, stopped when the signal aborts; these are what
 * the scheduler runs.
 */
export type Collectors = Partial<
  Record<CollectorSource, (signal?: AbortSignal) => Promise<void>>
>;

/** The catalog entity of each service an SLO names, where the catalog has one. */
function entityOfService(catalog: CatalogService, auth: AuthService) {
  return async (services: string[]) => {
    const refs = services.map(name =>
      stringifyEntityRef({ kind: 'component', name }),
    );
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return new Map(
      items.flatMap((entity, i) =>
        entity ? [[services[i], refs[i]] as [string, string]] : [],
      ),
    );
  };
}

/**
 * One run of each collector, against every cluster, recording each
 * attempt. Each first records the runs of its source that never ended as
 * interrupted: with the task running again, they cannot still be running.
 * SLOs are collected only when Prometheus is configured.
 */
export function createCollectors(options: CollectorOptions): Collectors {
  const { config, logger, store, clients, prometheus, catalog, auth } = options;
  const entityIndex = () => loadEntityIndex(catalog, auth);
  const task =
    (
      source: CollectorSource,
      run: (settings: {
        timeoutMs: number;
        signal?: AbortSignal;
      }) => Promise<void>,
    ) =>
    async (signal?: AbortSignal) => {
      const { timeoutMs } = config.collectors[source];
      try {
        await store.collections.recordInterruptedRuns(new Date(), [source]);
      } catch (error) {
        logger.warn(`Collecting ${source} did not start: ${error}`);
        return;
      }
      await run({ timeoutMs, signal });
    };
  const perCluster = (
    collector: WorkloadsCollector | FluxCollector | SecurityCollector,
  ) =>
    task(collector.source, settings =>
      runClusterCollector(
        collector,
        clients,
        store.collections,
        logger,
        settings,
      ),
    );

  const collectors: Collectors = {
    workloads: perCluster(new WorkloadsCollector(store.snapshots)),
    flux: perCluster(new FluxCollector(store.flux, entityIndex)),
    security: perCluster(
      new SecurityCollector(
        store.posture,
        store.snapshots,
        entityIndex,
        new PolarisSource(config.polaris),
      ),
    ),
  };
  if (!prometheus) return collectors;

  const slo = new SloCollector(
    store.slos,
    prometheus,
    async () => [
      ...config.sloFiles.map(file => new OpenSloFileSource(file)),
      ...clients.map(client => new ClusterSloSource(client)),
      ...(await EntityOpenSloSource.forAnnotatedEntities(
        catalog,
        auth,
        options.urlReader,
      )),
    ],
    entityOfService(catalog, auth),
    config.sloMinimumEvents,
  );
  collectors.slo = task('slo', settings =>
    recordCollection(
      store.collections,
      logger,
      { ...settings, source: 'slo', now: options.now },
      (at, signal) => slo.collect(at, signal),
    ),
  );
  return collectors;
}

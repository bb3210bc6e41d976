import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ClusterClient, PrometheusClient } from '@homelab/plugin-homelab-node';
import { loadEntityIndex } from '../catalog/loadEntityIndex';
import { HomelabStore } from '../database/HomelabStore';
import { ClusterSloSource } from '../slo/sources/ClusterSloSource';
import { EntityOpenSloSource } from '../slo/sources/EntityOpenSloSource';
import { OpenSloFileSource } from '../slo/sources/OpenSloFileSource';
import { runClusterCollector } from './ClusterCollector';
import { CollectorName } from './collectorSchedule';
import { FluxCollector } from './FluxCollector';
import { PolarisSource } from './PolarisSource';
import { recordCollection } from './recordCollection';
import { SecurityCollector } from './SecurityCollector';
import { SLO_SOURCE, SloCollector } from './SloCollector';
import { WorkloadsCollector } from './WorkloadsCollector';

/** What the collectors read from and write to. */
export interface CollectorOptions {
  config: Config;
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
 * One run of each collector, against every cluster, recording each
 * attempt. These are what the scheduler runs.
 */
export function createCollectors(
  options: CollectorOptions,
): Partial<Record<CollectorName, () => Promise<void>>> {
  const { config, logger, store, clients, prometheus, catalog, auth } = options;
  const entityIndex = () => loadEntityIndex(catalog, auth);
  const perCluster =
    (collector: WorkloadsCollector | FluxCollector | SecurityCollector) => () =>
      runClusterCollector(collector, clients, store, logger);

  const collectors: Partial<Record<CollectorName, () => Promise<void>>> = {
    workloads: perCluster(new WorkloadsCollector(store)),
    flux: perCluster(new FluxCollector(store, entityIndex)),
    security: perCluster(
      new SecurityCollector(
        store,
        entityIndex,
        PolarisSource.fromConfig(config),
      ),
    ),
  };
  if (!prometheus) return collectors;

  const files = config.getOptionalStringArray('homelab.slos.files') ?? [];
  const slo = new SloCollector(
    store,
    prometheus,
    async () => [
      ...files.map(file => new OpenSloFileSource(file)),
      ...clients.map(client => new ClusterSloSource(client)),
      ...(await EntityOpenSloSource.forAnnotatedEntities(
        catalog,
        auth,
        options.urlReader,
      )),
    ],
    async services => {
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
    },
  );
  collectors.slo = () =>
    recordCollection(
      store,
      logger,
      { source: SLO_SOURCE },
      at => slo.collect(at),
      options.now,
    );
  return collectors;
}

import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { platformServiceEntityName } from '@homelab/plugin-homelab-common';
import { ClusterClient, PrometheusClient } from '@homelab/plugin-homelab-node';
import { loadEntityIndex } from '../catalog/loadEntityIndex';
import { HomelabBackendConfig } from '../config';
import { HomelabStore } from '../database/HomelabStore';
import { ClusterSloSource } from '../slo/sources/ClusterSloSource';
import { EntityOpenSloSource } from '../slo/sources/EntityOpenSloSource';
import { OpenSloFileSource } from '../slo/sources/OpenSloFileSource';
import { BackupCollector } from './BackupCollector';
import { CertificateCollector } from './CertificateCollector';
import { runClusterCollector } from './ClusterCollector';
import { CollectorSource } from './collectorSources';
import { FluxCollector } from './FluxCollector';
import { PolarisSource } from './PolarisSource';
import { recordCollection } from './recordCollection';
import { SecurityCollector } from './SecurityCollector';
import { serviceKey, ServiceOfSlo, SloCollector } from './SloCollector';
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

const KUBERNETES_ID = 'backstage.io/kubernetes-id';

/**
 * The catalog entity of each service an SLO names, where the catalog has
 * one, keyed by serviceKey: for an SLO found in a cluster, that cluster's
 * platform service of the name (the inventory's Component); else the one
 * Component whose backstage.io/kubernetes-id is the service; else the
 * Component of the name.
 */
export function entityOfService(catalog: CatalogService, auth: AuthService) {
  return async (services: ServiceOfSlo[]) => {
    const found = new Map<string, string>();
    if (services.length === 0) return found;
    const credentials = await auth.getOwnServiceCredentials();
    const fields = ['kind', 'metadata.name', 'metadata.namespace'];
    const names = [...new Set(services.map(s => s.service))];
    const componentRef = (name: string) =>
      stringifyEntityRef({ kind: 'component', name });
    const existing = async (refs: string[]) => {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs, fields },
        { credentials },
      );
      return new Set(refs.filter((_, i) => items[i]));
    };
    const [platform, named, labelled] = await Promise.all([
      existing(
        services.flatMap(s =>
          s.cluster
            ? [componentRef(platformServiceEntityName(s.cluster, s.service))]
            : [],
        ),
      ),
      existing(names.map(componentRef)),
      catalog.getEntities(
        {
          filter: {
            kind: 'Component',
            [`metadata.annotations.${KUBERNETES_ID}`]: names,
          },
          fields: [...fields, `metadata.annotations.${KUBERNETES_ID}`],
        },
        { credentials },
      ),
    ]);
    const byKubernetesId = new Map<string, string[]>();
    for (const entity of labelled.items) {
      const id = entity.metadata.annotations?.[KUBERNETES_ID];
      if (id)
        byKubernetesId.set(id, [
          ...(byKubernetesId.get(id) ?? []),
          stringifyEntityRef(entity),
        ]);
    }
    for (const service of services) {
      const platformRef = service.cluster
        ? componentRef(
            platformServiceEntityName(service.cluster, service.service),
          )
        : undefined;
      const withId = byKubernetesId.get(service.service);
      const ref =
        (platformRef && platform.has(platformRef) ? platformRef : undefined) ??
        (withId?.length === 1 ? withId[0] : undefined) ??
        (named.has(componentRef(service.service))
          ? componentRef(service.service)
          : undefined);
      if (ref) found.set(serviceKey(service), ref);
    }
    return found;
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
    collector:
      | WorkloadsCollector
      | FluxCollector
      | SecurityCollector
      | BackupCollector
      | CertificateCollector,
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
    backups: perCluster(new BackupCollector(store.backups)),
    certificates: perCluster(new CertificateCollector(store.backups)),
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

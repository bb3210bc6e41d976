import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  HomelabClusterClientsService,
  InventoryInputFile,
  NetboxSource,
  ProxmoxSource,
  formatProblem,
  inventoryToEntities,
  readInventoryFromTarget,
  readInventoryLocations,
  readNetboxSources,
  readProxmoxSources,
  validateWithNetbox,
} from '@homelab/plugin-homelab-node';
import { Inventory } from '@homelab/plugin-homelab-common';
import { createHash } from 'node:crypto';
import { discoverClusters } from '../discovery/discoverClusters';
import { NetboxDiscovery, discoverNetbox } from '../netbox/discoverNetbox';
import { attachDrift } from '../sources/attachDrift';
import { discoverProxmox } from '../proxmox/discoverProxmox';
import { mergeProxmoxGuests } from '../proxmox/mergeProxmoxGuests';
import { mergeProxmoxHosts } from '../proxmox/mergeProxmoxHosts';
import {
  InventoryStatus,
  MAX_STORED_PROBLEMS,
} from '../status/InventoryStatus';
import { InventoryStatusStore } from '../status/InventoryStatusStore';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 3 },
};

interface HomelabInventoryProviderOptions {
  /** Stable name of the inventory; the provider is homelab-inventory:<name>. */
  name: string;
  /** Local file or folder, or a URL for the UrlReader. */
  target: string;
  urlReader: UrlReaderService;
  logger: LoggerService;
  store: InventoryStatusStore;
  /** Readers of the clusters that can be discovered live, by inventory name. */
  clusterClients: Pick<HomelabClusterClientsService, 'get'>;
  /** Proxmox VE servers whose guests are merged with the inventory's. */
  proxmoxSources?: ProxmoxSource[];
  /** NetBox instances whose devices and networks join the inventory's. */
  netboxSources?: NetboxSource[];
  maxFileBytes?: number;
  /** How refreshes are scheduled; omitted, call refresh() yourself. */
  schedule?: {
    scheduler: SchedulerService;
    definition: SchedulerServiceTaskScheduleDefinition;
  };
  /** Point the site's Domain at the architecture docs that the homelab TechDocs module generates from this inventory. */
  techdocs?: boolean;
}

/**
 * Ingests one homelab inventory into the catalog. Each refresh reads and
 * validates the inventory, reads the live nodes of its clusters, and replaces
 * this provider's entities with a full mutation. An inventory that cannot be
 * read or has errors changes nothing in the catalog: the last good entities
 * stay, and the status (kept in the database, served by the status route)
 * says why, with every problem.
 */
export class HomelabInventoryProvider implements EntityProvider {
  #connection?: EntityProviderConnection;

  /**
   * One provider per location in homelab.inventory.locations, refreshed on
   * homelab.inventory.schedule (every 5 minutes by default), reading live
   * nodes through the clients of the clusters in homelab.clusters (the
   * homelab-node service the homelab backend shares). No locations, no
   * providers.
   */
  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      scheduler: SchedulerService;
      urlReader: UrlReaderService;
      store: InventoryStatusStore;
      clusterClients: HomelabClusterClientsService;
    },
  ): HomelabInventoryProvider[] {
    const locations = readInventoryLocations(config);
    if (locations.length === 0) {
      options.logger.info(
        'No homelab.inventory.locations configured; homelab entities come only from catalog files',
      );
      return [];
    }
    const definition = config.has('homelab.inventory.schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('homelab.inventory.schedule'),
        )
      : DEFAULT_SCHEDULE;
    const maxFileBytes = config.getOptionalNumber(
      'homelab.inventory.maxFileSizeBytes',
    );
    const techdocs =
      config.getOptionalBoolean('homelab.inventory.techdocs') ?? false;
    const proxmoxSources = readProxmoxSources(config);
    const netboxSources = readNetboxSources(config);
    return locations.map(
      location =>
        new HomelabInventoryProvider({
          ...location,
          urlReader: options.urlReader,
          logger: options.logger,
          store: options.store,
          clusterClients: options.clusterClients,
          proxmoxSources,
          netboxSources,
          maxFileBytes,
          schedule: { scheduler: options.scheduler, definition },
          techdocs,
        }),
    );
  }

  /** A provider of one inventory; {@link HomelabInventoryProvider.fromConfig} makes them from app-config. */
  constructor(private readonly options: HomelabInventoryProviderOptions) {}

  getProviderName(): string {
    return `homelab-inventory:${this.options.name}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    const { schedule } = this.options;
    if (schedule) {
      await schedule.scheduler.scheduleTask({
        ...schedule.definition,
        id: `${this.getProviderName()}:refresh`,
        // One replica refreshes; the others serve what it stored.
        scope: 'global',
        fn: async () => {
          await this.refresh();
        },
      });
    }
  }

  async refresh(): Promise<InventoryStatus> {
    const connection = this.#connection;
    if (!connection) {
      throw new Error(
        `${this.getProviderName()} is not connected to the catalog yet`,
      );
    }
    const { name, target, store, logger } = this.options;
    const provider = this.getProviderName();
    const now = new Date();
    const previous = await store.get(provider);
    const kept = {
      provider,
      target,
      checkedAt: now.toISOString(),
      lastValidAt: previous?.lastValidAt,
      entityCount: previous?.entityCount,
      clusters: previous?.clusters ?? [],
      hypervisors: previous?.hypervisors ?? [],
      netbox: previous?.netbox ?? [],
      drift: previous?.drift ?? [],
    };

    let files: InventoryInputFile[];
    let netbox: NetboxDiscovery[];
    try {
      files = await readInventoryFromTarget(this.options.urlReader, target);
      netbox = await this.#readNetbox(previous?.netbox ?? [], now);
    } catch (error) {
      const message = (error as Error).message;
      logger.error(
        `Homelab inventory "${name}" could not be read, keeping the last good entities: ${message}`,
      );
      const status: InventoryStatus = {
        ...kept,
        state: 'unreadable',
        error: message,
        fileCount: 0,
        errorCount: 1,
        warningCount: 0,
        problems: [],
      };
      await store.put(status);
      return status;
    }
    kept.netbox = netbox;

    const validation = validateWithNetbox(
      files,
      (this.options.netboxSources ?? []).map(source => ({
        source,
        snapshot: netbox.find(d => d.source === source.name)!.snapshot!,
      })),
      { maxFileBytes: this.options.maxFileBytes },
    );
    this.#logProblems(validation.problems, previous, validation.errorCount > 0);
    const counts = {
      fileCount: files.length,
      errorCount: validation.errorCount,
      warningCount: validation.warningCount,
      problems: validation.problems.slice(0, MAX_STORED_PROBLEMS),
    };

    if (!validation.inventory) {
      const status: InventoryStatus = { ...kept, ...counts, state: 'invalid' };
      await store.put(status);
      return status;
    }

    const { clusters, hypervisors } = await this.#discoverLive(
      validation.inventory,
      previous,
      now,
    );
    const hosts = mergeProxmoxHosts(
      inventoryToEntities(validation.inventory, {
        origins: validation.origins,
        discovery: clusters,
        docsLocation: this.options.techdocs ? name : undefined,
      }),
      hypervisors,
    );
    const guests = mergeProxmoxGuests(hosts.entities, hypervisors);
    const drift = [...validation.drift, ...hosts.drift, ...guests.drift];
    const entities = attachDrift(guests.entities, drift);
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({ entity, locationKey: provider })),
    });

    const status: InventoryStatus = {
      ...kept,
      ...counts,
      state: 'valid',
      lastValidAt: now.toISOString(),
      entityCount: entities.length,
      clusters,
      hypervisors,
      drift,
    };
    await store.put(status);
    logger.info(
      `Homelab inventory "${name}" ingested: ${entities.length} entities from ${files.length} files, ${validation.warningCount} warnings`,
    );
    return status;
  }

  /**
   * Reads the configured NetBox instances. One that fails keeps its last good
   * snapshot (logged, marked in the status); one that has never been read
   * makes the whole refresh fail, as its devices and networks would
   * otherwise vanish from the catalog.
   */
  async #readNetbox(
    previous: readonly NetboxDiscovery[],
    now: Date,
  ): Promise<NetboxDiscovery[]> {
    const netbox = await discoverNetbox(
      this.options.netboxSources ?? [],
      previous,
      now,
    );
    for (const source of netbox.filter(n => n.state === 'failed')) {
      if (!source.snapshot) {
        throw new Error(
          `NetBox "${source.source}" has never been read, so its devices and networks are not known: ${source.error}`,
        );
      }
      this.options.logger.warn(
        `Homelab NetBox "${source.source}" could not be read; its devices and networks are those of ${source.lastSuccessAt}: ${source.error}`,
      );
    }
    return netbox;
  }

  /** The live nodes of the inventory's clusters and the guests of its Proxmox VE sources. */
  async #discoverLive(
    inventory: Inventory,
    previous: InventoryStatus | undefined,
    now: Date,
  ) {
    const { logger } = this.options;
    const clusters = await discoverClusters(
      inventory.clusters,
      this.options.clusterClients,
      previous?.clusters ?? [],
      now,
    );
    for (const cluster of clusters.filter(c => c.state === 'failed')) {
      logger.warn(
        `Homelab discovery of cluster "${cluster.cluster}" failed; its node facts are stale: ${cluster.error}`,
      );
    }
    const hypervisors = await discoverProxmox(
      this.options.proxmoxSources ?? [],
      previous?.hypervisors ?? [],
      now,
    );
    for (const source of hypervisors.filter(h => h.state === 'failed')) {
      logger.warn(
        `Homelab discovery of Proxmox VE "${source.source}" failed; its guests' facts are stale: ${source.error}`,
      );
    }
    return { clusters, hypervisors };
  }

  /**
   * Logs every problem when the set changes, and a one-line reminder while it
   * stays the same, so a broken inventory is loud once and not every refresh.
   */
  #logProblems(
    problems: InventoryStatus['problems'],
    previous: InventoryStatus | undefined,
    failed: boolean,
  ) {
    const { logger, name } = this.options;
    const fingerprint = (list: InventoryStatus['problems']) =>
      createHash('sha256')
        .update(
          list.slice(0, MAX_STORED_PROBLEMS).map(formatProblem).join('\n'),
        )
        .digest('hex');
    const unchanged =
      previous && fingerprint(previous.problems) === fingerprint(problems);
    if (unchanged && problems.length > 0) {
      logger.warn(
        `Homelab inventory "${name}" still has the same ${problems.length} problems`,
      );
      return;
    }
    for (const problem of problems) {
      const log = problem.severity === 'error' ? logger.error : logger.warn;
      log.call(
        logger,
        `Homelab inventory "${name}": ${formatProblem(problem)}`,
      );
    }
    if (failed) {
      logger.error(
        `Homelab inventory "${name}" is invalid; the catalog keeps its last good entities`,
      );
    }
  }
}

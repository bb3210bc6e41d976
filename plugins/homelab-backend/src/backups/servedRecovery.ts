import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  BackupSet,
  Certificate,
  HOMELAB_RESOURCE_TYPES,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import { durationMinutes } from '@homelab/plugin-homelab-node';
import { HomelabModel } from '../catalog/loadHomelabModel';
import { judgeCertificate } from '../certificates/judgeCertificate';
import { HomelabStore } from '../database/HomelabStore';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { AppliedObjective, judgeBackupSet } from './judgeBackupSet';
import { appsCovered, namespaceApps } from './namespaceApps';

/** Which sets or certificates to serve; every field left out matches all. */
interface RecoveryFilter {
  cluster?: string;
  namespace?: string;
  /** An app, or a cluster's entity for everything in the cluster. */
  entityRef?: string;
  states?: string[];
}

/** What the catalog and the workloads say about what is backed up. */
interface CatalogRecovery {
  /** The RPO stated on each entity (spec.homelab.recovery.rpo). */
  rpoOf: Map<string, string>;
  /** The entity of each cluster, by cluster name. */
  clusterRefOf: Map<string, string>;
  /** The app of each namespace, by cluster, from the latest workloads and the catalog as it is now. */
  appsOf: Map<string, Map<string, string>>;
}

const isCluster = (entity: Entity) =>
  entity.spec?.type === HOMELAB_RESOURCE_TYPES.cluster;

function catalogRecovery(
  model: HomelabModel,
  workloads: Array<{ cluster: string; data: WorkloadSnapshot }>,
): CatalogRecovery {
  const rpoOf = new Map<string, string>();
  const clusterRefOf = new Map<string, string>();
  for (const entity of model.resources) {
    const ref = stringifyEntityRef(entity);
    const homelab = entity.spec?.homelab as
      | { recovery?: { rpo?: string } }
      | undefined;
    if (homelab?.recovery?.rpo) rpoOf.set(ref, homelab.recovery.rpo);
    if (isCluster(entity)) clusterRefOf.set(entity.metadata.name, ref);
  }
  const appsOf = new Map(
    workloads.map(({ cluster, data }) => [
      cluster,
      namespaceApps(cluster, data, model.index),
    ]),
  );
  return { rpoOf, clusterRefOf, appsOf };
}

/** The strictest RPO stated on the set's apps or its cluster. */
function objectiveOf(
  entityRefs: string[],
  recovery: CatalogRecovery,
): AppliedObjective | undefined {
  let best: AppliedObjective | undefined;
  for (const from of entityRefs) {
    const rpo = recovery.rpoOf.get(from);
    const minutes = rpo === undefined ? undefined : durationMinutes(rpo);
    if (rpo === undefined || minutes === undefined) continue;
    if (!best || minutes < durationMinutes(best.rpo)!) best = { rpo, from };
  }
  return best;
}

/** The reason of an item whose cluster could not be read lately. */
function unreadable(
  freshness: SourceFreshness | undefined,
  known: string,
): string | undefined {
  if (!freshness || freshness.state === 'fresh') return undefined;
  const since = freshness.collectedAt
    ? `since ${freshness.collectedAt}`
    : 'ever';
  return `Not read ${since}${
    freshness.error ? ` (${freshness.error})` : ''
  }; last known: ${known}`;
}

const BACKUP_ORDER = [
  'failed',
  'never-succeeded',
  'outside-rpo',
  'missed',
  'unknown',
  'ok',
];
const CERTIFICATE_ORDER = [
  'expired',
  'not-ready',
  'expiring',
  'unknown',
  'valid',
];

function matches(
  item: { cluster: string; state: string },
  filter: RecoveryFilter,
  clusterRefOf: Map<string, string>,
  owns: (ref: string) => boolean,
  inNamespace: (namespace: string) => boolean,
) {
  return (
    (!filter.cluster || item.cluster === filter.cluster) &&
    (!filter.namespace || inNamespace(filter.namespace)) &&
    (!filter.entityRef ||
      owns(filter.entityRef) ||
      clusterRefOf.get(item.cluster) === filter.entityRef) &&
    (!filter.states?.length || filter.states.includes(item.state))
  );
}

/**
 * Reads the collected backups and certificates and judges them at a time:
 * the apps each covers (from the latest workloads and the catalog now, so
 * that apps the catalog read after the collection count), the RPO that
 * applies, the state.
 */
export class ServedRecovery {
  constructor(
    private readonly store: Pick<HomelabStore, 'backups' | 'snapshots'>,
    private readonly model: () => Promise<HomelabModel>,
    private readonly expiringDays: number,
  ) {}

  async #catalog(): Promise<CatalogRecovery> {
    const [model, workloads] = await Promise.all([
      this.model(),
      this.store.snapshots.clusterSnapshots<WorkloadSnapshot>('workloads'),
    ]);
    return catalogRecovery(model, workloads);
  }

  /**
   * Every backup set that matches, judged at `now` against the strictest
   * RPO the catalog states on its apps or cluster, worst first; a set whose
   * cluster was not read lately is unknown, with its last known verdict.
   */
  async backupSets(
    filter: RecoveryFilter,
    freshness: SourceFreshness[],
    now: Date,
  ): Promise<BackupSet[]> {
    const recovery = await this.#catalog();
    const collected = await this.store.backups.backupSets({
      cluster: filter.cluster,
    });
    const judged = collected.map(stored => {
      const set = {
        ...stored,
        entityRefs: appsCovered(
          stored.coveredNamespaces,
          recovery.appsOf.get(stored.cluster) ?? new Map(),
        ),
      };
      const clusterRef = recovery.clusterRefOf.get(set.cluster);
      const served = judgeBackupSet(
        set,
        objectiveOf(
          [...set.entityRefs, ...(clusterRef ? [clusterRef] : [])],
          recovery,
        ),
        now,
      );
      const stale = unreadable(
        freshness.find(f => f.cluster === set.cluster),
        served.reason,
      );
      return stale
        ? { ...served, state: 'unknown' as const, reason: stale }
        : served;
    });
    return judged
      .filter(set =>
        matches(
          set,
          filter,
          recovery.clusterRefOf,
          ref => set.entityRefs.includes(ref),
          namespace =>
            set.namespace === namespace ||
            set.coveredNamespaces.includes(namespace) ||
            set.coveredNamespaces.includes('*'),
        ),
      )
      .sort(
        (a, b) =>
          BACKUP_ORDER.indexOf(a.state) - BACKUP_ORDER.indexOf(b.state) ||
          a.id.localeCompare(b.id),
      );
  }

  /**
   * Every certificate that matches, judged at `now`, worst first; one
   * whose cluster was not read lately is unknown, with its last known state.
   */
  async certificates(
    filter: RecoveryFilter,
    freshness: SourceFreshness[],
    now: Date,
  ): Promise<Certificate[]> {
    const recovery = await this.#catalog();
    const collected = await this.store.backups.certificates({
      cluster: filter.cluster,
      namespace: filter.namespace,
    });
    return collected
      .map(stored => {
        const entityRef =
          stored.entityRef ??
          recovery.appsOf.get(stored.cluster)?.get(stored.namespace);
        const certificate = entityRef ? { ...stored, entityRef } : stored;
        const served = judgeCertificate(certificate, now, this.expiringDays);
        const stale = unreadable(
          freshness.find(f => f.cluster === certificate.cluster),
          served.reason,
        );
        return stale
          ? { ...served, state: 'unknown' as const, reason: stale }
          : served;
      })
      .filter(certificate =>
        matches(
          certificate,
          filter,
          recovery.clusterRefOf,
          ref => certificate.entityRef === ref,
          namespace => certificate.namespace === namespace,
        ),
      )
      .sort(
        (a, b) =>
          CERTIFICATE_ORDER.indexOf(a.state) -
            CERTIFICATE_ORDER.indexOf(b.state) ||
          (a.daysToExpiry ?? Infinity) - (b.daysToExpiry ?? Infinity) ||
          a.id.localeCompare(b.id),
      );
  }
}

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
import { BackupStore } from '../database/BackupStore';
import { AppliedObjective, judgeBackupSet } from './judgeBackupSet';

/** Which sets or certificates to serve; every field left out matches all. */
export interface RecoveryFilter {
  cluster?: string;
  namespace?: string;
  /** An app, or a cluster's entity for everything in the cluster. */
  entityRef?: string;
  states?: string[];
}

/** What the objectives and cluster entities of the catalog say. */
interface CatalogRecovery {
  /** The RPO stated on each entity (spec.homelab.recovery.rpo). */
  rpoOf: Map<string, string>;
  /** The entity of each cluster, by cluster name. */
  clusterRefOf: Map<string, string>;
}

const isCluster = (entity: Entity) =>
  entity.spec?.type === HOMELAB_RESOURCE_TYPES.cluster;

function catalogRecovery(model: HomelabModel | undefined): CatalogRecovery {
  const rpoOf = new Map<string, string>();
  const clusterRefOf = new Map<string, string>();
  for (const entity of model?.resources ?? []) {
    const ref = stringifyEntityRef(entity);
    const homelab = entity.spec?.homelab as
      | { recovery?: { rpo?: string } }
      | undefined;
    if (homelab?.recovery?.rpo) rpoOf.set(ref, homelab.recovery.rpo);
    if (isCluster(entity)) clusterRefOf.set(entity.metadata.name, ref);
  }
  return { rpoOf, clusterRefOf };
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

/** Reads the collected backups and certificates and judges them at a time. */
export class ServedRecovery {
  constructor(
    private readonly store: BackupStore,
    private readonly model: () => Promise<HomelabModel | undefined>,
    private readonly expiringDays: number,
  ) {}

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
    const recovery = catalogRecovery(await this.model());
    const sets = await this.store.backupSets({ cluster: filter.cluster });
    const judged = sets.map(set => {
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
    const recovery = catalogRecovery(
      filter.entityRef ? await this.model() : undefined,
    );
    const collected = await this.store.certificates({
      cluster: filter.cluster,
      namespace: filter.namespace,
    });
    return collected
      .map(certificate => {
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

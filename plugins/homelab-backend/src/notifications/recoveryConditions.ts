import { stringifyEntityRef } from '@backstage/catalog-model';
import { BackupSet, Certificate } from '@homelab/plugin-homelab-common';
import { printable } from '../service/printable';
import { ConditionEvaluation, HomelabCondition } from './HomelabCondition';

const clusterRef = (cluster: string) =>
  stringifyEntityRef({ kind: 'resource', name: cluster });

/** A backup's or certificate's reason is read whole in the notification. */
const REASON_LENGTH = 500;

/** Backup states that mean the data is not backed up as it should be, in words. */
const MISSED: Partial<Record<BackupSet['state'], string>> = {
  failed: 'failed',
  missed: 'missed its schedule',
  'outside-rpo': 'is older than its RPO',
  'never-succeeded': 'has never succeeded',
};

const CERTIFICATE_STATE: Partial<Record<Certificate['state'], string>> = {
  expiring: 'expires soon',
  expired: 'expired',
  'not-ready': 'is not ready',
};

/** A certificate's level: expiring, then expired or not ready (worse, notified again). */
const CERTIFICATE_LEVEL: Partial<Record<Certificate['state'], number>> = {
  expiring: 1,
  expired: 2,
  'not-ready': 2,
};

/**
 * A backup set failed, missed its schedule, is older than its RPO or never
 * succeeded: told to the owner of the app it covers when it covers one,
 * else of its cluster's Resource. One condition per set, whoever is told:
 * the apps a set covers are known only once the cluster's workloads are,
 * and a condition keyed by them would clear and start again as they come.
 * A set whose cluster could not be read lately is unknown, so undetermined.
 */
export function backupConditions(sets: BackupSet[]): ConditionEvaluation {
  const evaluation: ConditionEvaluation = { holding: [], undetermined: [] };
  for (const set of sets) {
    const key = `backup-missed:${set.id}`;
    if (set.state === 'unknown') evaluation.undetermined.push(key);
    const missed = MISSED[set.state];
    if (!missed) continue;
    const apps = set.entityRefs.filter(ref => ref !== '*');
    evaluation.holding.push({
      kind: 'backup-missed',
      key,
      entityRef: apps.length === 1 ? apps[0] : clusterRef(set.cluster),
      severity: 'high',
      title: `Backup ${set.tool} ${printable(set.name)} on cluster ${
        set.cluster
      } ${missed}`,
      description: `${printable(set.reason, REASON_LENGTH)}.`,
      level: 1,
    });
  }
  return evaluation;
}

/**
 * A certificate expiring within the configured days (normal), expired or
 * not ready (high, notified again when an expiring one gets there): told to
 * the owner of its app, else of its cluster's Resource.
 */
export function certificateConditions(
  certificates: Certificate[],
): ConditionEvaluation {
  const evaluation: ConditionEvaluation = { holding: [], undetermined: [] };
  for (const certificate of certificates) {
    const key = `certificate-expiring:${certificate.id}`;
    const level = CERTIFICATE_LEVEL[certificate.state];
    if (certificate.state === 'unknown') evaluation.undetermined.push(key);
    if (!level) continue;
    const condition: HomelabCondition = {
      kind: 'certificate-expiring',
      key,
      entityRef: certificate.entityRef ?? clusterRef(certificate.cluster),
      severity: level > 1 ? 'high' : 'normal',
      title: `Certificate ${printable(certificate.namespace)}/${printable(
        certificate.name,
      )} on cluster ${certificate.cluster} ${
        CERTIFICATE_STATE[certificate.state]
      }`,
      description: `${printable(certificate.reason, REASON_LENGTH)}.`,
      level,
    };
    evaluation.holding.push(condition);
  }
  return evaluation;
}

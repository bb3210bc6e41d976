import { BackupSet, Certificate } from '@homelab/plugin-homelab-common';
import { backupConditions, certificateConditions } from './recoveryConditions';

/** Production's hourly Vaultwarden backup as GET /backups serves the example's: its newest run failed. */
const failedBackup: BackupSet = {
  id: 'production/velero/velero/hourly-vaultwarden',
  cluster: 'production',
  tool: 'velero',
  namespace: 'velero',
  name: 'hourly-vaultwarden',
  coveredNamespaces: ['vaultwarden'],
  entityRefs: ['component:default/vaultwarden'],
  schedule: '0 * * * *',
  problems: [],
  failuresSinceSuccess: 1,
  rpo: '24h',
  rpoFrom: 'component:default/vaultwarden',
  state: 'failed',
  reason:
    'The last backup, hourly-vaultwarden-20261128090000, ended Failed: upload to s3: dial tcp 192.168.30.20:9000: connect: connection refused',
};

const backup = (overrides: Partial<BackupSet>): BackupSet => ({
  ...failedBackup,
  ...overrides,
});

/** Staging's wildcard certificate as GET /certificates serves the example's: expired, renewal failing. */
const expired: Certificate = {
  id: 'staging/traefik/wildcard-staging',
  cluster: 'staging',
  namespace: 'traefik',
  name: 'wildcard-staging',
  dnsNames: ['*.staging.hallonen.lan'],
  ready: 'False',
  readyReason: 'Expired',
  notAfter: '2026-11-27T06:02:44Z',
  failedIssuanceAttempts: 6,
  daysToExpiry: -5,
  state: 'expired',
  reason: 'Expired on 2026-11-27T06:02:44Z; renewal failed 6 times',
};

describe('backupConditions', () => {
  it('holds once for a failed, missed, outside-RPO or never-succeeded set, told to the one app it covers or else its cluster', () => {
    const { holding, undetermined } = backupConditions([
      failedBackup,
      backup({
        id: 'production/k3s-etcd/etcd',
        tool: 'k3s-etcd',
        name: 'etcd',
        coveredNamespaces: ['*'],
        entityRefs: ['*'],
        state: 'missed',
        reason:
          '3 days ago and its schedule (0 */12 * * *) runs every 12 hours',
      }),
      backup({ id: 'staging/velero/velero/daily', state: 'ok' }),
      backup({
        id: 'staging/longhorn/longhorn-system/pvc-1',
        state: 'unknown',
      }),
    ]);
    expect(holding.map(c => [c.key, c.entityRef, c.severity, c.title])).toEqual(
      [
        [
          'backup-missed:production/velero/velero/hourly-vaultwarden',
          'component:default/vaultwarden',
          'high',
          'Backup velero hourly-vaultwarden on cluster production failed',
        ],
        [
          'backup-missed:production/k3s-etcd/etcd',
          'resource:default/production',
          'high',
          'Backup k3s-etcd etcd on cluster production missed its schedule',
        ],
      ],
    );
    expect(holding[0].description).toBe(`${failedBackup.reason}.`);
    expect(undetermined).toEqual([
      'backup-missed:staging/longhorn/longhorn-system/pvc-1',
    ]);
  });
});

describe('certificateConditions', () => {
  it('holds for an expiring certificate (normal) and, a level worse, an expired or unready one (high)', () => {
    const { holding, undetermined } = certificateConditions([
      expired,
      {
        ...expired,
        id: 'production/vaultwarden/vaultwarden-tls',
        cluster: 'production',
        namespace: 'vaultwarden',
        name: 'vaultwarden-tls',
        entityRef: 'component:default/vaultwarden',
        ready: 'True',
        daysToExpiry: 9,
        state: 'expiring',
        reason: 'Expires on 2026-12-11T00:00:00Z, in 9 days',
      },
      { ...expired, id: 'production/a/valid', state: 'valid' },
      { ...expired, id: 'production/a/unknown', state: 'unknown' },
    ]);
    expect(
      holding.map(c => [c.key, c.entityRef, c.severity, c.level, c.title]),
    ).toEqual([
      [
        'certificate-expiring:staging/traefik/wildcard-staging',
        'resource:default/staging',
        'high',
        2,
        'Certificate traefik/wildcard-staging on cluster staging expired',
      ],
      [
        'certificate-expiring:production/vaultwarden/vaultwarden-tls',
        'component:default/vaultwarden',
        'normal',
        1,
        'Certificate vaultwarden/vaultwarden-tls on cluster production expires soon',
      ],
    ]);
    expect(undetermined).toEqual(['certificate-expiring:production/a/unknown']);
  });
});

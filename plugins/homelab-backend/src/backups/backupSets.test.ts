import { etcdSnapshotSet } from './etcdSnapshotSet';
import { judgeBackupSet } from './judgeBackupSet';
import { longhornBackupSets } from './longhornBackupSets';
import { VeleroSchedule, veleroBackupSets } from './veleroBackupSets';

// Objects in the shapes the upstream types give them: Velero
// pkg/apis/velero/v1/{schedule,backup}_types.go (vmware-tanzu/velero),
// longhorn-manager k8s/pkg/apis/longhorn/v1beta2/backup.go and
// recurringjob.go, k3s pkg/apis/k3s.cattle.io/v1/types.go (ETCDSnapshotFile,
// status.error added in k3s 1.29). Values are made up.

const NOW = new Date('2026-12-02T12:00:00Z');

describe('Velero schedules', () => {
  const schedule = (
    name: string,
    status: VeleroSchedule['status'],
    spec: VeleroSchedule['spec'] = {},
  ): VeleroSchedule => ({
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: { name, namespace: 'velero' },
    spec: { schedule: '0 3 * * *', template: {}, ...spec },
    status,
  });
  const backup = (name: string, scheduleName: string, status: object) => ({
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name,
      namespace: 'velero',
      labels: { 'velero.io/schedule-name': scheduleName },
    },
    status,
  });

  it('reports a schedule that failed validation, and judges by finished backups only', () => {
    const [invalid, running] = veleroBackupSets(
      'c',
      [
        schedule('bad', {
          phase: 'FailedValidation',
          validationErrors: ['invalid schedule: expected exactly 5 fields'],
        }),
        schedule('daily', { phase: 'Enabled' }, { paused: true }),
      ],
      [
        backup('daily-1', 'daily', {
          phase: 'PartiallyFailed',
          startTimestamp: '2026-12-01T03:00:00Z',
          completionTimestamp: '2026-12-01T03:04:00Z',
          errors: 2,
        }),
        backup('daily-2', 'daily', {
          phase: 'InProgress',
          startTimestamp: '2026-12-02T03:00:00Z',
        }),
        backup('other', 'elsewhere', { phase: 'Completed' }),
      ],
    );
    expect(invalid).toMatchObject({
      coveredNamespaces: ['*'],
      problems: [
        'the schedule failed validation and triggers no backups',
        'invalid schedule: expected exactly 5 fields',
      ],
      failuresSinceSuccess: 0,
    });
    expect(invalid.lastAttempt).toBeUndefined();
    expect(judgeBackupSet(invalid, undefined, NOW)).toMatchObject({
      state: 'never-succeeded',
      reason:
        'No successful backup is recorded; the schedule failed validation and triggers no backups; invalid schedule: expected exactly 5 fields',
    });
    expect(running).toMatchObject({
      paused: true,
      lastAttempt: { name: 'daily-1', phase: 'PartiallyFailed', errors: 2 },
      failuresSinceSuccess: 1,
    });
    expect(judgeBackupSet(running, undefined, NOW)).toMatchObject({
      state: 'failed',
      reason:
        'The last backup, daily-1, ended PartiallyFailed; the schedule is paused',
    });
  });

  it('without an objective, a set is missed once its last success is older than two periods of its schedule', () => {
    const [set] = veleroBackupSets(
      'c',
      [schedule('daily', { phase: 'Enabled' })],
      [
        backup('daily-1', 'daily', {
          phase: 'Completed',
          completionTimestamp: '2026-11-29T03:01:00Z',
        }),
      ],
    );
    expect(judgeBackupSet(set, undefined, NOW)).toMatchObject({
      state: 'missed',
      ageSeconds: 291540,
      reason:
        'The last successful backup is 3d 8h old and its schedule (0 3 * * *) runs every 24h; the inventory states no RPO for it',
    });
    expect(
      judgeBackupSet(set, { rpo: '7d', from: 'resource:default/c' }, NOW),
    ).toMatchObject({ state: 'ok', rpo: '7d' });
  });
});

describe('Longhorn backups', () => {
  const backup = (name: string, status: object) => ({
    apiVersion: 'longhorn.io/v1beta2',
    kind: 'Backup',
    metadata: {
      name,
      namespace: 'longhorn-system',
      labels: { 'backup-volume': 'pvc-1' },
    },
    spec: { snapshotName: 's', labels: {} },
    status,
  });

  it('groups backups by volume, reads the claim namespace and the recurring job, and counts Error as a failure', () => {
    const [set] = longhornBackupSets(
      'c',
      [
        backup('backup-a', {
          state: 'Completed',
          snapshotCreatedAt: '2026-12-01T02:00:00Z',
          backupCreatedAt: '2026-12-01T02:03:00Z',
          labels: {
            KubernetesStatus:
              '{"pvName":"pvc-1","namespace":"default","pvcName":"longhorn-1-volv-pvc","workloadsStatus":[{"podName":"volume-test-2","workloadType":""}]}',
            RecurringJob: 'backup-daily',
          },
        }),
        backup('backup-b', {
          state: 'Error',
          error: 'failed to get backup target: no such host',
          snapshotCreatedAt: '2026-12-02T02:00:00Z',
          labels: { RecurringJob: 'backup-daily' },
        }),
        backup('backup-c', { state: 'InProgress', progress: 40 }),
      ],
      [
        {
          apiVersion: 'longhorn.io/v1beta2',
          kind: 'RecurringJob',
          metadata: { name: 'backup-daily', namespace: 'longhorn-system' },
          spec: { name: 'backup-daily', task: 'backup', cron: '0 2 * * *' },
        },
      ],
    );
    expect(set).toMatchObject({
      name: 'pvc-1',
      coveredNamespaces: ['default'],
      recurringJobs: ['backup-daily'],
      schedule: '0 2 * * *',
      lastAttempt: {
        name: 'backup-b',
        phase: 'Error',
        message: 'failed to get backup target: no such host',
      },
      lastSuccess: { name: 'backup-a' },
      failuresSinceSuccess: 1,
    });
    expect(judgeBackupSet(set, undefined, NOW).reason).toBe(
      'The last backup, backup-b, ended Error: failed to get backup target: no such host',
    );
  });
});

describe('k3s etcd snapshots', () => {
  const file = (name: string, status: object) => ({
    apiVersion: 'k3s.cattle.io/v1',
    kind: 'ETCDSnapshotFile',
    metadata: { name },
    spec: {
      snapshotName: name,
      nodeName: 'server-1',
      location: `s3://bucket/${name}`,
    },
    status,
  });

  it('are one set per cluster, failed when the newest snapshot recorded an error', () => {
    const [set] = etcdSnapshotSet('c', [
      file('etcd-snapshot-server-1-1796169600', {
        creationTime: '2026-12-02T00:00:00Z',
        readyToUse: true,
        size: '4190240',
      }),
      file('etcd-snapshot-server-1-1796212800', {
        readyToUse: false,
        error: {
          time: '2026-12-02T12:00:05Z',
          message: 'failed to upload snapshot to S3: Access Denied',
        },
      }),
    ]);
    expect(set).toMatchObject({
      id: 'c/k3s-etcd//etcd',
      lastAttempt: { phase: 'Error', succeeded: false },
      lastSuccess: { name: 'etcd-snapshot-server-1-1796169600' },
    });
    expect(judgeBackupSet(set, undefined, NOW).state).toBe('failed');
    expect(etcdSnapshotSet('c', [])).toEqual([]);
  });
});

import { parseCertificate } from '../certificates/parseCertificate';
import { etcdSnapshotSet } from './etcdSnapshotSet';
import { judgeBackupSet } from './judgeBackupSet';
import { longhornBackupSets } from './longhornBackupSets';
import { veleroBackupSets } from './veleroBackupSets';

// Objects out of their CRDs' shapes, as a hand-edited snapshot may hold
// them: each reader keeps what it can read and never throws, so one bad
// object cannot lose a cluster's other backups.

const NOW = new Date('2026-12-02T12:00:00Z');
const odd = [
  {},
  { metadata: {} },
  { metadata: { name: 'x' }, spec: 'nonsense', status: 42 },
  { metadata: { name: 'y', labels: null }, status: { labels: null } },
] as any[];

describe('the backup and certificate readers on objects out of shape', () => {
  it('read what they can and never throw', () => {
    const schedules = veleroBackupSets(
      'c',
      [
        ...odd,
        {
          metadata: { name: 'daily', namespace: 'velero' },
          spec: { template: { includedNamespaces: 'apps' } },
          status: { validationErrors: 'not a list' },
        },
      ],
      [
        ...odd,
        {
          metadata: {
            name: 'daily-1',
            namespace: 'velero',
            labels: { 'velero.io/schedule-name': 'daily' },
          },
          status: { phase: 'Completed', completionTimestamp: 'yesterday' },
        },
      ],
    );
    const daily = schedules.find(s => s.name === 'daily')!;
    expect(daily).toMatchObject({ coveredNamespaces: ['*'], problems: [] });
    // A success whose time cannot be read is not counted as recent.
    expect(judgeBackupSet(daily, undefined, NOW)).toMatchObject({
      state: 'never-succeeded',
      reason: 'The last successful backup states no time',
    });

    expect(
      longhornBackupSets(
        'c',
        [
          ...odd,
          {
            metadata: { name: 'b', labels: { 'backup-volume': 'pvc-1' } },
            status: {
              state: 'Completed',
              labels: { KubernetesStatus: '{not json' },
            },
          },
        ],
        odd,
      ),
    ).toMatchObject([{ name: 'pvc-1', coveredNamespaces: [] }]);

    expect(etcdSnapshotSet('c', odd)).toMatchObject([
      { failuresSinceSuccess: 4, lastAttempt: { phase: 'NotReady' } },
    ]);

    expect(
      parseCertificate('c', {
        metadata: { name: 'web', namespace: 'apps' },
        spec: { dnsNames: 'web.example.org', commonName: 'web.example.org' },
        status: { conditions: { type: 'Ready' } },
      } as any),
    ).toMatchObject({ dnsNames: ['web.example.org'], ready: 'Unknown' });
    for (const raw of odd)
      expect(() => parseCertificate('c', raw)).not.toThrow();
  });
});

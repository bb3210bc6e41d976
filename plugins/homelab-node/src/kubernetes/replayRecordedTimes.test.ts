import { replayRecordedTimes } from './replayRecordedTimes';

describe('replayRecordedTimes', () => {
  it('moves every time by the whole seconds since the recording, as Kubernetes writes times, and nothing else', () => {
    // Shapes of the example's Velero Backup and cert-manager Certificate
    // (examples/snapshots/production).
    const recorded = [
      {
        metadata: {
          name: 'daily-apps-20261202030000',
          creationTimestamp: '2026-12-02T03:00:00Z',
          labels: { 'velero.io/schedule-name': 'daily-apps' },
        },
        status: {
          phase: 'Completed',
          completionTimestamp: '2026-12-02T03:04:12Z',
          progress: { itemsBackedUp: 412, totalItems: 412 },
        },
      },
      {
        status: {
          notAfter: '2026-12-08T09:15:00Z',
          conditions: [
            {
              type: 'Ready',
              lastTransitionTime: '2026-11-27T06:02:44.123456Z',
            },
          ],
          renewalTime: '2026-11-08T11:15:00+02:00',
        },
      },
    ];
    const replayed = replayRecordedTimes(
      recorded,
      new Date('2026-12-02T14:30:00Z'),
      // Two days, three hours and 0.9 s later: the fraction is not moved.
      new Date('2026-12-04T17:30:00.900Z'),
    );
    expect(replayed).toEqual([
      {
        metadata: {
          name: 'daily-apps-20261202030000',
          creationTimestamp: '2026-12-04T06:00:00Z',
          labels: { 'velero.io/schedule-name': 'daily-apps' },
        },
        status: {
          phase: 'Completed',
          completionTimestamp: '2026-12-04T06:04:12Z',
          progress: { itemsBackedUp: 412, totalItems: 412 },
        },
      },
      {
        status: {
          notAfter: '2026-12-10T12:15:00Z',
          conditions: [
            {
              type: 'Ready',
              lastTransitionTime: '2026-11-29T09:02:44.123Z',
            },
          ],
          renewalTime: '2026-11-10T12:15:00Z',
        },
      },
    ]);
    // The recording itself is left as it was.
    expect(recorded[0].status!.completionTimestamp).toBe(
      '2026-12-02T03:04:12Z',
    );
  });
});

import { staleSourceConditions } from './staleSourceConditions';

const now = new Date('2026-12-02T12:00:00Z');
const settings = { staleAfterMs: 30 * 60_000, now };

describe('staleSourceConditions', () => {
  it("holds for a cluster's source stale longer than the threshold, told to the cluster's owner", () => {
    const { holding } = staleSourceConditions(
      [
        {
          source: 'flux',
          cluster: 'production',
          state: 'stale',
          collectedAt: '2026-12-02T11:15:00Z',
          error: 'connect ECONNREFUSED\n192.168.100.11:6443',
        },
        {
          source: 'security',
          cluster: 'production',
          state: 'stale',
          collectedAt: '2026-12-02T11:45:00Z',
        },
        {
          source: 'workloads',
          cluster: 'production',
          state: 'fresh',
          collectedAt: '2026-12-01T00:00:00Z',
        },
      ],
      settings,
    );
    expect(holding).toEqual([
      {
        kind: 'stale-source',
        key: 'stale-source:flux/production',
        entityRef: 'resource:default/production',
        severity: 'normal',
        title: 'Homelab flux data of cluster production is stale',
        description:
          'Last collected 45 minutes ago, more than the 30 allowed: connect ECONNREFUSED192.168.100.11:6443',
        level: 1,
      },
    ]);
  });

  it('leaves a source never collected undetermined, and one of no cluster to the default recipient only', () => {
    const freshness = [
      {
        source: 'workloads',
        cluster: 'staging',
        state: 'never-collected' as const,
      },
      {
        source: 'slo',
        state: 'stale' as const,
        collectedAt: '2026-12-02T10:00:00Z',
      },
    ];
    expect(staleSourceConditions(freshness, settings)).toEqual({
      holding: [],
      undetermined: ['stale-source:workloads/staging'],
    });
    expect(
      staleSourceConditions(freshness, {
        ...settings,
        defaultRecipient: 'group:default/homelab-admins',
      }).holding.map(c => [c.key, c.entityRef]),
    ).toEqual([['stale-source:slo/', 'group:default/homelab-admins']]);
  });
});

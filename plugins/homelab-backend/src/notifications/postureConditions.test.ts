import { PostureSummary } from '@homelab/plugin-homelab-common';
import { postureConditions } from './postureConditions';

const counts = (critical: number) => ({
  critical,
  high: 2,
  medium: 0,
  low: 0,
  unknown: 0,
});

const summary = (
  scope: PostureSummary['scope'],
  score: number | null,
  critical: number,
): PostureSummary => ({
  scope,
  key:
    scope === 'entity'
      ? 'production:component:default/nextcloud'
      : 'production',
  cluster: 'production',
  ...(scope === 'entity' ? { entityRef: 'component:default/nextcloud' } : {}),
  ...(scope === 'namespace' ? { namespace: 'nextcloud' } : {}),
  score,
  vulnerabilityScore: score,
  configScore: null,
  policyScore: null,
  vulnerabilities: counts(critical),
  misconfigurations: counts(0),
  exposedSecrets: 0,
  policy: { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 },
  workloads: 1,
  collectedAt: '2026-12-02T12:00:00Z',
});

describe('postureConditions', () => {
  it("raises an app's critical vulnerabilities at their count, and scores below the minimum for apps and clusters", () => {
    const { holding } = postureConditions(
      [
        summary('entity', 40, 3),
        summary('cluster', 45, 3),
        summary('namespace', 10, 3),
      ],
      { minimumScore: 50 },
    );
    expect(holding.map(c => [c.key, c.entityRef, c.severity, c.level])).toEqual(
      [
        [
          'critical-vulnerabilities:component:default/nextcloud@production',
          'component:default/nextcloud',
          'high',
          3,
        ],
        [
          'posture-drop:component:default/nextcloud@production',
          'component:default/nextcloud',
          'normal',
          1,
        ],
        [
          'posture-drop:resource:default/production@production',
          'resource:default/production',
          'normal',
          1,
        ],
      ],
    );
    expect(holding[0].title).toBe(
      '3 critical vulnerabilities in component:default/nextcloud on cluster production',
    );
  });

  it('holds nothing at or above the minimum without criticals, and leaves a score not computed undetermined', () => {
    expect(
      postureConditions(
        [summary('entity', 50, 0), summary('cluster', null, 0)],
        {
          minimumScore: 50,
        },
      ),
    ).toEqual({
      holding: [],
      undetermined: ['posture-drop:resource:default/production@production'],
    });
  });
});

import { AppRelease, SourceFreshness } from '@homelab/plugin-homelab-common';
import { vulnerabilitiesUnknownBecause } from './vulnerabilitiesKnown';

const release = (cluster: string): AppRelease => ({
  environment: cluster,
  cluster,
  kind: 'HelmRelease',
  namespace: 'flux-system',
  name: 'nextcloud',
  ready: 'True',
});
const security = (
  cluster: string,
  more: Partial<SourceFreshness> = {},
): SourceFreshness => ({
  source: 'security',
  cluster,
  state: 'fresh',
  collectedAt: '2026-11-22T10:00:00Z',
  ...more,
});
const NEXTCLOUD = 'component:default/nextcloud';
const because = (
  freshness: SourceFreshness[],
  entityRef: string | undefined = NEXTCLOUD,
) =>
  vulnerabilitiesUnknownBecause({
    entityRef,
    releases: [release('staging'), release('production')],
    freshness,
  });

describe('vulnerabilitiesUnknownBecause', () => {
  it('knows them where every cluster the app runs in was collected fresh with Trivy Operator', () => {
    expect(
      because([security('staging'), security('production')]),
    ).toBeUndefined();
  });

  it('says why not: no entity, no collection, a stale one, or no Trivy Operator', () => {
    const both = [security('staging'), security('production')];
    expect(
      vulnerabilitiesUnknownBecause({
        releases: [release('staging')],
        freshness: both,
      }),
    ).toBe('no catalog entity, so no findings to read');
    expect(because([security('staging')])).toBe(
      "production's security reports were never collected",
    );
    expect(
      because([
        security('staging'),
        security('production', { state: 'never-collected' }),
      ]),
    ).toBe("production's security reports were never collected");
    expect(
      because([
        security('staging', { state: 'stale', error: 'API server timed out' }),
        security('production'),
      ]),
    ).toBe("staging's security reports are stale: API server timed out");
    expect(
      because([
        security('staging', {
          warnings: [
            'Trivy Operator is not installed: the cluster does not serve aquasecurity.github.io/v1alpha1',
          ],
        }),
        security('production'),
      ]),
    ).toBe(
      'staging: Trivy Operator is not installed: the cluster does not serve aquasecurity.github.io/v1alpha1',
    );
    expect(
      because([
        security('staging'),
        security('production', {
          warnings: [
            'The catalog had no entity claiming Kubernetes workloads: no finding is attributed to an app until the next collection',
          ],
        }),
      ]),
    ).toBe(
      'production: The catalog had no entity claiming Kubernetes workloads: no finding is attributed to an app until the next collection',
    );
    // Another tool missing says nothing about vulnerabilities.
    expect(
      because([
        security('staging', { warnings: ['Polaris is not installed'] }),
        security('production'),
      ]),
    ).toBeUndefined();
    expect(
      vulnerabilitiesUnknownBecause({
        entityRef: 'component:default/nextcloud',
        releases: [],
        freshness: [],
      }),
    ).toBe('it runs in no cluster');
  });
});

import {
  AppDrift,
  AppRelease,
  FluxObject,
} from '@homelab/plugin-homelab-common';
import semver from 'semver';

/** Whether `later` runs an older version than `earlier`: by semver where both are versions, else any difference. */
function isBehind(
  earlier: string | undefined,
  later: string | undefined,
): boolean {
  if (!earlier || !later || earlier === later) return false;
  const a = semver.valid(semver.clean(earlier) ?? earlier);
  const b = semver.valid(semver.clean(later) ?? later);
  return a && b ? semver.lt(b, a) : true;
}

/**
 * The entity every one of an app's releases belongs to, if there is one. A
 * platform service is an entity per cluster ("Flux CD (staging)" and "Flux
 * CD (production)"): its releases each keep their own, and the app has none.
 * Nor has an app with a release of no entity: one cluster's entity would
 * then stand for another cluster's release.
 */
function sharedEntity(releases: AppRelease[]): string | undefined {
  const entities = new Set(releases.map(release => release.entityRef));
  return entities.size === 1 ? [...entities][0] : undefined;
}

/**
 * Which version of each app runs in each environment, in promotion order.
 * Apps are HelmReleases, and Kustomizations that belong to a catalog
 * entity, matched across clusters by name; versions are chart versions, or
 * the applied revision for Kustomizations.
 */
export function computeDrift(
  objects: FluxObject[],
  clusterEnvironments: ReadonlyMap<string, string>,
  environmentOrder: string[],
): AppDrift[] {
  const rank = (environment: string) => {
    const index = environmentOrder.indexOf(environment);
    return index === -1 ? environmentOrder.length : index;
  };
  const apps = new Map<string, AppRelease[]>();
  for (const object of objects) {
    if (
      object.kind !== 'HelmRelease' &&
      !(object.kind === 'Kustomization' && object.entityRef)
    )
      continue;
    const environment = clusterEnvironments.get(object.cluster);
    if (!environment) continue;
    const releases = apps.get(object.name) ?? [];
    releases.push({
      environment,
      cluster: object.cluster,
      kind: object.kind,
      namespace: object.namespace,
      name: object.name,
      ...(object.targetNamespace
        ? { targetNamespace: object.targetNamespace }
        : {}),
      ...(object.chart ? { chart: object.chart.name } : {}),
      ...(object.revision ? { version: object.revision } : {}),
      ...(object.chart?.appVersion
        ? { appVersion: object.chart.appVersion }
        : {}),
      ready: object.ready,
      ...(object.ready === 'True' && object.lastTransitionTime
        ? { readySince: object.lastTransitionTime }
        : {}),
      ...(object.deployedAt ? { deployedAt: object.deployedAt } : {}),
      ...(object.entityRef ? { entityRef: object.entityRef } : {}),
    });
    apps.set(object.name, releases);
  }

  const environments = [...new Set(clusterEnvironments.values())].sort(
    (a, b) => rank(a) - rank(b),
  );
  return [...apps]
    .map(([name, releases]) => {
      releases.sort(
        (a, b) =>
          rank(a.environment) - rank(b.environment) ||
          a.cluster.localeCompare(b.cluster),
      );
      const present = new Set(releases.map(r => r.environment));
      const missing = environments.filter(
        environment => !present.has(environment),
      );
      const behind = releases
        .filter(
          (release, i) =>
            i > 0 && isBehind(releases[i - 1].version, release.version),
        )
        .map(release => release.environment);
      const versions = new Set(releases.map(r => r.version));
      const entityRef = sharedEntity(releases);
      return {
        app: name,
        ...(entityRef ? { entityRef } : {}),
        releases,
        inSync: versions.size === 1 && missing.length === 0,
        behind: [...new Set(behind)],
        missing,
      };
    })
    .sort((a, b) => a.app.localeCompare(b.app));
}

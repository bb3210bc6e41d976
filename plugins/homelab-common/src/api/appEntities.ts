import { AppDrift } from './types';

/**
 * The catalog entities an app belongs to, in promotion order: its own, or
 * each of its releases' where they differ (a platform service is an entity
 * per cluster, "Flux CD (staging)" and "Flux CD (production)").
 *
 * @public
 */
export function appEntityRefs(app: AppDrift): string[] {
  if (app.entityRef) return [app.entityRef];
  return [
    ...new Set(
      app.releases.flatMap(release =>
        release.entityRef ? [release.entityRef] : [],
      ),
    ),
  ];
}

import { AppRelease, SourceFreshness } from '@homelab/plugin-homelab-common';

/**
 * Why an app's vulnerabilities are not known, or undefined when they are:
 * they are known only where the security collection of every cluster the
 * app runs in is fresh and read Trivy Operator's reports. An app with no
 * catalog entity has no findings to ask for; a cluster never collected,
 * stale, without Trivy Operator, or collected before the catalog held
 * the apps says nothing about its images. "None known" must never stand
 * for "not looked at".
 */
export function vulnerabilitiesUnknownBecause(options: {
  entityRef?: string;
  releases: AppRelease[];
  freshness: SourceFreshness[];
}): string | undefined {
  if (!options.entityRef) return 'no catalog entity, so no findings to read';
  const clusters = [...new Set(options.releases.map(r => r.cluster))];
  if (!clusters.length) return 'it runs in no cluster';
  for (const cluster of clusters) {
    const source = options.freshness.find(
      f => f.source === 'security' && f.cluster === cluster,
    );
    if (!source || source.state === 'never-collected')
      return `${cluster}'s security reports were never collected`;
    if (source.state === 'stale')
      return `${cluster}'s security reports are stale${
        source.error ? `: ${source.error}` : ''
      }`;
    // Trivy Operator missing, or findings read before the catalog held the
    // apps (homelab-backend's SecurityCollector words both warnings so).
    const unread = source.warnings?.find(
      w =>
        w.startsWith('Trivy Operator') ||
        w.startsWith('The catalog had no entity'),
    );
    if (unread) return `${cluster}: ${unread}`;
  }
  return undefined;
}

import { AppInEnvironment } from '../apps/findApp';

type Flat = Record<string, string>;

function flatten(value: unknown, prefix: string, into: Flat): Flat {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) {
      flatten(item, prefix ? `${prefix}.${key}` : key, into);
    }
  } else if (prefix) {
    into[prefix] = JSON.stringify(value);
  }
  return into;
}

/**
 * Helm values the two environments set differently, other than the image
 * tags a promotion moves: hostnames, replicas, resources stay as the target
 * has them, and the pull request says which.
 */
export function differingValues(
  from: AppInEnvironment,
  to: AppInEnvironment,
): string[] {
  const values = (app: AppInEnvironment) =>
    app.release.resource.object.kind === 'HelmRelease'
      ? flatten(app.release.resource.object.spec?.values ?? {}, '', {})
      : {};
  const a = values(from);
  const b = values(to);
  const moved = new Set(from.slots.map(s => s.id.replace(/^image:/, '')));
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter(key => a[key] !== b[key] && !moved.has(key))
    .sort();
}

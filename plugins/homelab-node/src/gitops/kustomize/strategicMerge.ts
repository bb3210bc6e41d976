import { Origin, originBelow } from './Origin';
import { Resource } from './Resource';

const isMap = (value: unknown): value is Record<string, any> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * A strategic-merge patch applied as kustomize applies it to a custom
 * resource (Flux's kinds have no merge keys): maps merge, lists and scalars
 * are replaced, null removes a field, `$patch: replace` replaces a map and
 * `$patch: delete` removes it. Returns false when the patch deletes the
 * whole resource.
 */
export function applyStrategicMerge(
  resource: Resource,
  patch: Record<string, any>,
  origin: Origin,
): boolean {
  if (patch.$patch === 'delete') return false;
  resource.patchedBy.push(origin);
  mergeInto(resource, resource.object, patch, [], origin);
  return true;
}

function mergeInto(
  resource: Resource,
  target: Record<string, any>,
  patch: Record<string, any>,
  at: Array<string | number>,
  origin: Origin,
) {
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key.startsWith('$setElementOrder/')) continue;
    const path = [...at, key];
    const from = originBelow(origin, key);
    if (value === null || (isMap(value) && value.$patch === 'delete')) {
      delete target[key];
      resource.provenance.remove(path);
    } else if (
      isMap(value) &&
      isMap(target[key]) &&
      value.$patch !== 'replace'
    ) {
      mergeInto(resource, target[key], value, path, from);
    } else {
      const replacement = structuredClone(value);
      if (isMap(replacement)) delete replacement.$patch;
      target[key] = replacement;
      resource.provenance.set(path, replacement, from);
    }
  }
}

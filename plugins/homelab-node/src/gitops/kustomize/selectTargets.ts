import { groupOf, Resource, versionOf } from './Resource';

/**
 * A patch's `target`, as kustomize reads it.
 *
 * @public
 */
export interface TargetSelector {
  group?: string;
  version?: string;
  kind?: string;
  /** A regular expression matched against the whole name. */
  name?: string;
  /** A regular expression matched against the whole namespace. */
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

const patterns = new Map<string, RegExp>();

/** Whether a kustomize target pattern matches the whole value. */
function whole(pattern: string, value: string): boolean {
  let regexp = patterns.get(pattern);
  if (!regexp) {
    regexp = new RegExp(`^(?:${pattern})$`);
    patterns.set(pattern, regexp);
  }
  return regexp.test(value);
}

/** A Kubernetes label selector ("app=x,tier!=db,env in (a,b),!legacy") against a map. */
function matchesLabelSelector(
  selector: string,
  labels: Record<string, string> = {},
): boolean {
  const requirements = selector.match(/([^,(]+(\([^)]*\))?)/g) ?? [];
  return requirements.every(raw => {
    const requirement = raw.trim();
    if (!requirement) return true;
    let match = requirement.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/);
    if (match) {
      const values = match[3].split(',').map(v => v.trim());
      const has = match[1] in labels && values.includes(labels[match[1]]);
      return match[2] === 'in' ? has : !has;
    }
    match = requirement.match(/^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/);
    if (match) {
      const equal = labels[match[1]] === match[3];
      return match[2] === '!=' ? !equal : equal;
    }
    if (requirement.startsWith('!')) return !(requirement.slice(1) in labels);
    return requirement in labels;
  });
}

/** Whether kustomize would apply a patch with this target to the resource. */
export function matchesTarget(
  resource: Resource,
  target: TargetSelector,
): boolean {
  const { object } = resource;
  if (
    target.group !== undefined &&
    target.group !== '' &&
    target.group !== groupOf(object)
  )
    return false;
  if (target.version && target.version !== versionOf(object)) return false;
  if (target.kind && target.kind !== object.kind) return false;
  if (target.name && !whole(target.name, object.metadata?.name ?? ''))
    return false;
  if (
    target.namespace &&
    !whole(target.namespace, object.metadata?.namespace ?? '')
  ) {
    return false;
  }
  if (
    target.labelSelector &&
    !matchesLabelSelector(target.labelSelector, object.metadata?.labels)
  ) {
    return false;
  }
  if (
    target.annotationSelector &&
    !matchesLabelSelector(
      target.annotationSelector,
      object.metadata?.annotations,
    )
  ) {
    return false;
  }
  return true;
}

import { ReportTarget } from './reports';

interface Entry<V> {
  kind: string;
  namespace: string;
  value: V;
}

/**
 * Values by Kubernetes object: kind, namespace and name. A collection looks
 * up the objects of thousands of reports. A key joining the three is a new
 * string each time, which the map must flatten and hash: in issue 12's bench,
 * such lookups took a sixth of the aggregation. Here the name, as parsed, is
 * the key, and no string is built. Objects of one name in other kinds or
 * namespaces share its entry list. An absent namespace and an empty one are
 * the same.
 */
export class TargetMap<V> {
  readonly #byName = new Map<string, Entry<V>[]>();

  get(target: ReportTarget): V | undefined {
    return this.#entry(target)?.value;
  }

  set(target: ReportTarget, value: V): void {
    const entry = this.#entry(target);
    if (entry) {
      entry.value = value;
      return;
    }
    const made = {
      kind: target.kind,
      namespace: target.namespace ?? '',
      value,
    };
    const entries = this.#byName.get(target.name);
    if (entries) entries.push(made);
    else this.#byName.set(target.name, [made]);
  }

  #entry(target: ReportTarget): Entry<V> | undefined {
    const entries = this.#byName.get(target.name);
    if (!entries) return undefined;
    const namespace = target.namespace ?? '';
    for (const entry of entries) {
      if (entry.kind === target.kind && entry.namespace === namespace)
        return entry;
    }
    return undefined;
  }
}

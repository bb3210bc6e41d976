import { EntityIndex } from '../workloads/EntityIndex';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';

/**
 * The app of each namespace of a cluster: the one entity that owns the
 * namespace's workloads (or the namespace itself, by its labels). A
 * namespace whose workloads belong to several entities, or to none, has no
 * app.
 */
export function namespaceApps(
  cluster: string,
  workloads: WorkloadSnapshot | undefined,
  entities: EntityIndex,
): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  const claim = (namespace: string, entityRef: string | undefined) => {
    if (!entityRef) return;
    owners.set(namespace, (owners.get(namespace) ?? new Set()).add(entityRef));
  };
  for (const namespace of workloads?.namespaces ?? [])
    claim(
      namespace.name,
      entities.entityFor(cluster, namespace.name, namespace.labels),
    );
  for (const workload of workloads?.workloads ?? [])
    claim(
      workload.namespace,
      entities.entityFor(cluster, workload.namespace, workload.labels),
    );
  return new Map(
    [...owners]
      .filter(([, refs]) => refs.size === 1)
      .map(([namespace, refs]) => [namespace, [...refs][0]]),
  );
}

/** The apps whose namespaces a set covers; "*" covers them all. */
export function appsCovered(
  coveredNamespaces: string[],
  apps: Map<string, string>,
): string[] {
  const refs = coveredNamespaces.includes('*')
    ? [...apps.values()]
    : coveredNamespaces.flatMap(namespace => apps.get(namespace) ?? []);
  return [...new Set(refs)].sort();
}

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  PLATFORM_SERVICE_COMPONENT_TYPE,
  platformServiceEntityName,
} from '@homelab/plugin-homelab-common';

/** The annotations Backstage's Kubernetes plugin finds an entity's objects by. */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';
const ANNOTATION_KUBERNETES_NAMESPACE = 'backstage.io/kubernetes-namespace';

interface LabelMatcher {
  entityRef: string;
  namespace?: string;
  labels: Record<string, string>;
  /** Its entity's place in the catalog's order: of several that match, the first wins. */
  order: number;
}

/** Equality selectors ("a=b,c==d") as labels; undefined for set-based ones, which are not matched. */
function parseSelector(selector: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (const part of selector
    .split(',')
    .map(p => p.trim())
    .filter(Boolean)) {
    const match = /^([^=!\s]+)\s*==?\s*([^=!\s]*)$/.exec(part);
    if (!match) return undefined;
    labels[match[1]] = match[2];
  }
  return Object.keys(labels).length ? labels : undefined;
}

function labelsOf(entity: Entity): Record<string, string> | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const id = annotations[ANNOTATION_KUBERNETES_ID];
  if (id) return { [ANNOTATION_KUBERNETES_ID]: id };
  const selector = annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR];
  return selector ? parseSelector(selector) : undefined;
}

/** Whether an object's labels hold every label wanted. */
function matches(
  wanted: Record<string, string>,
  labels: Record<string, string>,
) {
  for (const label of Object.keys(wanted))
    if (labels[label] !== wanted[label]) return false;
  return true;
}

/**
 * Finds the catalog entity of a Kubernetes object. First the way Backstage's
 * Kubernetes plugin does: an entity annotated backstage.io/kubernetes-id owns
 * objects labelled with the same id; one annotated
 * backstage.io/kubernetes-label-selector owns objects whose labels match it
 * (equality selectors); backstage.io/kubernetes-namespace narrows either to
 * one namespace. Then, for objects no annotation claims, the homelab's
 * platform services: a platform-service Component owns its namespace in its
 * cluster.
 */
export class EntityIndex {
  /**
   * The label matchers by one of their labels, key then value: an object is
   * checked against those sharing a label with it, not against every entity
   * (a cluster's thousands of workloads against a catalog's thousands).
   */
  readonly #labelMatchers = new Map<string, Map<string, LabelMatcher[]>>();
  #labelMatcherCount = 0;
  /** Platform services by "cluster/namespace", with their entity names. */
  readonly #platformServices = new Map<
    string,
    Array<{ name: string; entityRef: string }>
  >();

  constructor(entities: Entity[]) {
    entities.forEach((entity, order) => {
      const labels = labelsOf(entity);
      if (!labels) return;
      const namespace =
        entity.metadata.annotations?.[ANNOTATION_KUBERNETES_NAMESPACE];
      const [key, value] = Object.entries(labels)[0];
      const byValue = this.#labelMatchers.get(key) ?? new Map();
      this.#labelMatchers.set(key, byValue);
      byValue.set(value, [
        ...(byValue.get(value) ?? []),
        {
          entityRef: stringifyEntityRef(entity),
          labels,
          order,
          ...(namespace ? { namespace } : {}),
        },
      ]);
      this.#labelMatcherCount++;
    });
    for (const entity of entities) {
      const homelab = entity.spec?.homelab as
        | { cluster?: string; namespace?: string }
        | undefined;
      if (
        entity.kind === 'Component' &&
        entity.spec?.type === PLATFORM_SERVICE_COMPONENT_TYPE &&
        homelab?.cluster &&
        homelab.namespace
      ) {
        const key = `${homelab.cluster}/${homelab.namespace}`;
        this.#platformServices.set(key, [
          ...(this.#platformServices.get(key) ?? []),
          { name: entity.metadata.name, entityRef: stringifyEntityRef(entity) },
        ]);
      }
    }
  }

  /** Whether any entity claims Kubernetes objects: none before the catalog has read the apps. */
  get claimsAny(): boolean {
    return this.#labelMatcherCount > 0 || this.#platformServices.size > 0;
  }

  /** The entity owning an object with these labels in this namespace of this cluster, if any. */
  entityFor(
    cluster: string,
    namespace: string | undefined,
    labels: Record<string, string> | undefined,
  ): string | undefined {
    const byLabels = labels && this.#matcherFor(namespace, labels)?.entityRef;
    return byLabels ?? this.#platformServiceFor(cluster, namespace, labels);
  }

  /** The first entity, in catalog order, whose labels an object's labels match. */
  #matcherFor(
    namespace: string | undefined,
    labels: Record<string, string>,
  ): LabelMatcher | undefined {
    let first: LabelMatcher | undefined;
    for (const key of Object.keys(labels)) {
      const candidates = this.#labelMatchers.get(key)?.get(labels[key]);
      if (!candidates) continue;
      for (const matcher of candidates) {
        if (
          (!first || matcher.order < first.order) &&
          (!matcher.namespace || matcher.namespace === namespace) &&
          matches(matcher.labels, labels)
        )
          first = matcher;
      }
    }
    return first;
  }

  /**
   * The platform service owning a namespace; where several share one (like
   * Prometheus, Grafana and Alertmanager in monitoring), the one the
   * object's app.kubernetes.io/name label names.
   */
  #platformServiceFor(
    cluster: string,
    namespace: string | undefined,
    labels: Record<string, string> | undefined,
  ): string | undefined {
    const services = namespace
      ? this.#platformServices.get(`${cluster}/${namespace}`) ?? []
      : [];
    if (services.length === 1) return services[0].entityRef;
    const app = labels?.['app.kubernetes.io/name'];
    return app
      ? services.find(
          service => service.name === platformServiceEntityName(cluster, app),
        )?.entityRef
      : undefined;
  }
}

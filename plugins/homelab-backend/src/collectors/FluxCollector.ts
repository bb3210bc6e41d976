import { FluxObject } from '@homelab/plugin-homelab-common';
import {
  ClusterClient,
  KubernetesResourceType,
} from '@homelab/plugin-homelab-node';
import { FluxObjectStore } from '../database/FluxObjectStore';
import { servedFluxTypes } from '../flux/fluxResources';
import { RawFluxObject, parseFluxObject } from '../flux/parseFluxObject';
import { EntityIndex } from '../workloads/EntityIndex';
import { ClusterCollector } from './ClusterCollector';
import { listIfServed } from './listIfServed';
import { Collection } from './recordCollection';

/**
 * Flux objects of a cluster (sources, ExternalArtifacts and
 * ArtifactGenerators, Kustomizations, HelmReleases, and the Flux Operator's
 * FluxInstance and ResourceSets where it runs), in whichever API version the
 * cluster serves, each mapped to the catalog entity its labels (or the
 * platform service owning its target namespace) name.
 */
export class FluxCollector implements ClusterCollector {
  readonly source = 'flux';

  constructor(
    private readonly store: FluxObjectStore,
    private readonly entities: () => Promise<EntityIndex>,
  ) {}

  async collect(
    client: ClusterClient,
    collectedAt: Date,
    signal?: AbortSignal,
  ): Promise<Collection> {
    const kinds = servedFluxTypes(await client.servedVersions());
    const warnings = kinds.length
      ? []
      : ['Flux is not installed: the cluster serves none of the Flux APIs'];
    const entities = await this.entities();
    const objects: FluxObject[] = [];
    for (const { kind, types, laterAddition } of kinds) {
      const raws = await listFirstServed(client, types, signal);
      if (!raws) {
        if (!laterAddition)
          warnings.push(
            `${kind} is not served in any version this plugin reads`,
          );
        continue;
      }
      for (const { raw, type } of raws) {
        const object = parseFluxObject(
          {
            ...raw,
            apiVersion: raw.apiVersion ?? `${type.group}/${type.version}`,
          },
          kind,
          client.cluster,
        );
        const entityRef = entities.entityFor(
          client.cluster,
          raw.spec?.targetNamespace ?? raw.metadata.namespace,
          raw.metadata.labels,
        );
        objects.push(entityRef ? { ...object, entityRef } : object);
      }
    }
    signal?.throwIfAborted();
    await this.store.replaceFluxObjects(client.cluster, objects, collectedAt);
    return { itemCount: objects.length, warnings };
  }
}

/**
 * The objects of the first type that the cluster serves, trying the next
 * version on 404; undefined when none is served.
 */
async function listFirstServed(
  client: ClusterClient,
  types: KubernetesResourceType[],
  signal?: AbortSignal,
): Promise<
  Array<{ raw: RawFluxObject; type: KubernetesResourceType }> | undefined
> {
  for (const type of types) {
    const raws: Array<{ raw: RawFluxObject; type: KubernetesResourceType }> =
      [];
    const served = await listIfServed<RawFluxObject>(
      client,
      type,
      page => raws.push(...page.map(raw => ({ raw, type }))),
      signal,
    );
    if (served) return raws;
  }
  return undefined;
}

import { FluxObject } from '@homelab/plugin-homelab-common';
import { Knex } from 'knex';
import { FluxObjectFilter, FluxObjectStore } from './FluxObjectStore';
import { FluxObjectRow, INSERT_CHUNK } from './tables';

const FLUX_OBJECTS = 'homelab_flux_objects';

/** The Flux objects of each cluster, in knex. */
export class DatabaseFluxObjectStore implements FluxObjectStore {
  constructor(private readonly knex: Knex) {}

  async replaceFluxObjects(
    cluster: string,
    objects: FluxObject[],
    collectedAt: Date,
  ): Promise<void> {
    await this.knex.transaction(async tx => {
      await tx<FluxObjectRow>(FLUX_OBJECTS).where({ cluster }).delete();
      const rows: FluxObjectRow[] = objects.map(object => ({
        cluster,
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
        entity_ref: object.entityRef ?? null,
        data: JSON.stringify(object),
        collected_at: collectedAt,
      }));
      await tx.batchInsert(FLUX_OBJECTS, rows, INSERT_CHUNK);
    });
  }

  async updateFluxObject(object: FluxObject): Promise<void> {
    await this.knex<FluxObjectRow>(FLUX_OBJECTS)
      .where({
        cluster: object.cluster,
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
      })
      .update({ data: JSON.stringify(object) });
  }

  async fluxObjects(filter: FluxObjectFilter = {}): Promise<FluxObject[]> {
    const query = this.knex<FluxObjectRow>(FLUX_OBJECTS).orderBy([
      'cluster',
      'kind',
      'namespace',
      'name',
    ]);
    if (filter.cluster) query.where('cluster', filter.cluster);
    if (filter.kind) query.where('kind', filter.kind);
    if (filter.namespace) query.where('namespace', filter.namespace);
    if (filter.name) query.where('name', filter.name);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    return (await query).map(row => JSON.parse(row.data));
  }
}

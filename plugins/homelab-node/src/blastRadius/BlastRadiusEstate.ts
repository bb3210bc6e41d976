import { Entity } from '@backstage/catalog-model';
import {
  BlastRadius,
  BlastRadiusMode,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import { computeBlastRadius } from './computeBlastRadius';
import { EstateRelations } from './EstateRelations';
import { PlacedWorkload } from './PlacedWorkload';

/**
 * The homelab's catalog resources and where its workloads run, indexed once,
 * to answer what goes down with any of its devices, VMs, networks, storage,
 * Kubernetes nodes and clusters.
 *
 * @public
 */
export class BlastRadiusEstate {
  readonly #relations: EstateRelations;

  /**
   * @param resources - the homelab's Resources with their spec.homelab.
   * @param workloads - where each workload's pods run; none, to answer from the relations alone.
   */
  constructor(resources: Entity[], workloads: PlacedWorkload[] = []) {
    this.#relations = new EstateRelations(resources, workloads);
  }

  /**
   * What goes down with a resource in a failure or a planned maintenance;
   * undefined when the estate has no such resource.
   */
  radiusOf(
    entityRef: string,
    mode: BlastRadiusMode,
    options: { freshness?: SourceFreshness[]; now?: Date } = {},
  ): BlastRadius | undefined {
    return computeBlastRadius(
      this.#relations,
      entityRef,
      mode,
      options.freshness ?? [],
      options.now ?? new Date(),
    );
  }
}

import { Entity } from '@backstage/catalog-model';
import { HomelabSpec, HomelabSpecType } from '@homelab/plugin-homelab-common';

/**
 * An entity's spec.homelab as the catalog module writes it for its type.
 * Partial, because the catalog may hold entities from other providers that
 * share the spec.type without the homelab facts.
 */
export function homelabSpec<T extends HomelabSpecType>(
  entity: Entity,
): Partial<HomelabSpec<T>> {
  return (entity.spec?.homelab ?? {}) as Partial<HomelabSpec<T>>;
}

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Puts each drift message on the entity it is about (spec.homelab.drift), so
 * the entity's page says where a live source and the inventory disagree,
 * not only the status route.
 */
export function attachDrift(
  entities: Entity[],
  drift: ReadonlyArray<{ entityRef: string; message: string }>,
): Entity[] {
  const messages = new Map<string, string[]>();
  for (const { entityRef, message } of drift) {
    messages.set(entityRef, [...(messages.get(entityRef) ?? []), message]);
  }
  if (messages.size === 0) return entities;
  return entities.map(entity => {
    const found = messages.get(stringifyEntityRef(entity));
    if (!found) return entity;
    const homelab = (entity.spec?.homelab ?? {}) as { drift?: string[] };
    return {
      ...entity,
      spec: {
        ...entity.spec,
        homelab: { ...homelab, drift: [...(homelab.drift ?? []), ...found] },
      },
    };
  });
}

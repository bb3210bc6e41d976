import { Entity } from '@backstage/catalog-model';
import { ProxmoxDiscovery } from './discoverProxmox';

/** A JSON object, as an entity's spec holds. */
export type JsonObject = NonNullable<Entity['spec']>;

/** The record without the values Proxmox did not give, as the catalog stores JSON. */
export const definedOnly = (record: Record<string, unknown>): JsonObject =>
  Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  ) as JsonObject;

/**
 * Live facts as the catalog stores them: what a Proxmox VE source says of
 * a guest or node, after where and when it was read (stale with the reason
 * when the last read failed), without the values Proxmox did not give.
 */
export function liveSourceFacts(
  discovery: ProxmoxDiscovery,
  facts: Record<string, unknown>,
): JsonObject {
  const stale = discovery.state !== 'ok';
  return definedOnly({
    source: discovery.source,
    observedAt: discovery.lastSuccessAt ?? discovery.checkedAt,
    stale,
    error: stale ? discovery.error : undefined,
    recorded: discovery.location.startsWith('file:') || undefined,
    ...facts,
  });
}

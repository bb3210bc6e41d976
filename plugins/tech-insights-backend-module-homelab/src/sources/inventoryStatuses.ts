import { DiscoveryService } from '@backstage/backend-plugin-api';

/**
 * What the inventory checks read of an inventory's status, as the homelab
 * catalog module serves it at /api/catalog/homelab/inventory/status
 * (InventoryStatus of @homelab/plugin-catalog-backend-module-homelab).
 */
export interface InventoryStatusSummary {
  /** The entity provider, homelab-inventory:<name>. */
  provider: string;
  /** valid (ingested), invalid (last good entities kept) or unreadable. */
  state: 'valid' | 'invalid' | 'unreadable';
  /** When the inventory was last checked. */
  checkedAt: string;
  /** Errors found. */
  errorCount: number;
  /** Why it could not be read. */
  error?: string;
}

/** Every homelab inventory's last check, from the homelab catalog module. */
export async function readInventoryStatuses(
  discovery: DiscoveryService,
  fetchApi: { fetch: typeof fetch },
): Promise<InventoryStatusSummary[]> {
  const baseUrl = await discovery.getBaseUrl('catalog');
  const response = await fetchApi.fetch(`${baseUrl}/homelab/inventory/status`);
  if (!response.ok) {
    throw new Error(
      `the catalog answered ${response.status} ${response.statusText} for the inventory status`,
    );
  }
  const { items } = (await response.json()) as {
    items: InventoryStatusSummary[];
  };
  return items;
}

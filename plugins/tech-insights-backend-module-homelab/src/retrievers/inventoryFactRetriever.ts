import { HomelabSources } from '../sources/HomelabSources';
import {
  collectedAtSchema,
  homelabFactRetriever,
  UNKNOWN_REASON,
} from './homelabFactRetriever';

/** Id (and config key) of the inventory fact retriever. */
export const INVENTORY_FACTS = 'homelabInventoryFactRetriever';

/**
 * Whether the homelab inventories (the source of the clusters, devices and
 * networks the apps run on) passed their last check, as the homelab
 * catalog module serves it; the same for every app, as an invalid
 * inventory keeps the whole homelab's last good entities.
 */
export const inventoryFactRetriever = (sources: HomelabSources) =>
  homelabFactRetriever(sources, {
    id: INVENTORY_FACTS,
    title: 'Homelab inventory',
    description:
      'Whether the homelab inventories passed their last validation.',
    schema: {
      inventories: {
        type: 'set',
        description:
          'Each inventory and the state of its last check (when, in collectedAt).',
      },
      invalidInventories: {
        type: 'integer',
        description: 'Inventories invalid or unreadable.',
      },
      inventoryErrors: {
        type: 'integer',
        description: 'Errors found in them.',
      },
      ...collectedAtSchema,
    },
    read: ({ inventoryStatuses }) => inventoryStatuses(),
    factsOf: statuses => {
      if (!statuses.length) {
        return { [UNKNOWN_REASON]: 'no homelab inventory is configured' };
      }
      return {
        inventories: statuses.map(
          status =>
            `${status.provider.replace(/^homelab-inventory:/, '')}: ${
              status.state
            }${status.error ? ` (${status.error})` : ''}`,
        ),
        invalidInventories: statuses.filter(s => s.state !== 'valid').length,
        inventoryErrors: statuses.reduce((sum, s) => sum + s.errorCount, 0),
        collectedAt: statuses.map(s => s.checkedAt).sort()[0],
      };
    },
  });

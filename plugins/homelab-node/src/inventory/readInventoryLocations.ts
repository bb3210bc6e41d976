import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { inventoryName } from '@homelab/plugin-homelab-common';

/**
 * One entry of homelab.inventory.locations.
 *
 * @public
 */
export interface InventoryLocationConfig {
  /** Stable name; "default" for a lone unnamed location. */
  name: string;
  /** A local file or folder, or a URL the backend's integrations can read. */
  target: string;
}

/**
 * Reads homelab.inventory.locations: each with a unique name, "default" for
 * a lone unnamed one. Shared by the catalog and TechDocs modules, which must
 * agree on the names.
 *
 * @public
 */
export function readInventoryLocations(
  config: Config,
): InventoryLocationConfig[] {
  const entries =
    config.getOptionalConfigArray('homelab.inventory.locations') ?? [];
  const locations = entries.map(entry => ({
    name:
      entry.getOptionalString('name') ??
      (entries.length === 1 ? 'default' : ''),
    target: entry.getString('target'),
  }));
  const names = new Set<string>();
  for (const location of locations) {
    if (!location.name) {
      throw new InputError(
        `homelab.inventory.locations: give every location a name when there are several (${location.target} has none)`,
      );
    }
    if (!inventoryName.safeParse(location.name).success) {
      throw new InputError(
        `homelab.inventory.locations: "${location.name}" is not a valid name (lower-case, digits and -)`,
      );
    }
    if (names.has(location.name)) {
      throw new InputError(
        `homelab.inventory.locations: the name "${location.name}" is used twice`,
      );
    }
    names.add(location.name);
  }
  return locations;
}

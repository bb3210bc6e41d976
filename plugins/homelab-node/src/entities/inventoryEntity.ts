import { Entity, EntityLink } from '@backstage/catalog-model';
import { HomelabSpec, HomelabSpecType } from '@homelab/plugin-homelab-common';
import { defined } from './entityMetadata';

const API_VERSION = 'backstage.io/v1alpha1';

/** The metadata an inventory item gives its entity. */
type InventoryEntityMetadata = {
  name: string;
  title?: string;
  description?: string;
  tags?: string[];
  links?: EntityLink[];
  annotations?: Record<string, string>;
};

/**
 * The spec of a homelab entity. spec.homelab is typed by spec.type, so the
 * mappers cannot drift from the schemas the catalog processor checks.
 */
type HomelabEntitySpec<T extends HomelabSpecType> = {
  type: T;
  owner: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  dependsOn?: string[];
  dependencyOf?: string[];
  homelab: HomelabSpec<T>;
};

/**
 * An entity of the inventory: every one has the same apiVersion, and its
 * metadata leaves out the fields the item does not have.
 */
export function inventoryEntity(
  kind: string,
  metadata: InventoryEntityMetadata,
  spec: Entity['spec'],
): Entity {
  return { apiVersion: API_VERSION, kind, metadata: defined(metadata), spec };
}

/** An entity of the inventory that carries homelab facts in spec.homelab. */
export function homelabEntity<T extends HomelabSpecType>(
  kind: 'Resource' | 'Component' | 'System',
  metadata: InventoryEntityMetadata,
  spec: HomelabEntitySpec<T>,
): Entity {
  return inventoryEntity(kind, metadata, spec);
}

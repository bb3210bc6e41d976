import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  EntityLink,
} from '@backstage/catalog-model';
import { ANNOTATION_INVENTORY_SOURCE } from '@homelab/plugin-homelab-common';
import { isUrlTarget } from '../inventory/readInventory';
import { ItemOrigin, locateInInventory } from '../inventory/sourceMap';
import path from 'node:path';

/**
 * Where an entity came from, as Backstage and people read it: the location
 * annotations point at the inventory file (so "View source" opens it), and
 * homelab.dev/inventory-source names the line and YAML path.
 */
export function sourceAnnotations(
  origin: ItemOrigin | undefined,
  subPath: (string | number)[] = [],
) {
  if (!origin) return {};
  const { file, line, path: yamlPath } = locateInInventory(origin, subPath);
  const isUrl = isUrlTarget(file);
  const location = isUrl ? `url:${file}` : `file:${path.resolve(file)}`;
  return {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
    [ANNOTATION_INVENTORY_SOURCE]: `${isUrl ? file : path.basename(file)}${
      line ? `:${line}` : ''
    } (${yamlPath})`,
    ...(isUrl ? { [ANNOTATION_VIEW_URL]: file } : {}),
  };
}

/** Tags of an item plus derived ones, unique and in a stable order. */
export function mergeTags(
  ...groups: Array<ReadonlyArray<string | undefined> | undefined>
): string[] | undefined {
  const tags = [
    ...new Set(
      groups
        .flatMap(group => group ?? [])
        .filter((tag): tag is string => !!tag),
    ),
  ];
  return tags.length ? tags : undefined;
}

export function link(
  url: string | undefined,
  title: string,
  icon?: string,
): EntityLink[] | undefined {
  // No links at all rather than an empty list: the catalog's links card
  // shows for any entity with metadata.links, and would say "No links defined".
  return url ? [{ url, title, ...(icon ? { icon } : {}) }] : undefined;
}

/** Copies an object without its undefined fields, so entities stay lean. */
export function defined<T extends Record<string, unknown>>(value: T): T {
  // A loop, not Object.fromEntries: this runs for every entity of the estate.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined) copy[key] = value[key];
  }
  return copy as T;
}

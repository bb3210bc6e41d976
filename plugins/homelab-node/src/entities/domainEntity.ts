import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_INVENTORY_DOCS } from '@homelab/plugin-homelab-common';
import { inventoryEntity } from './inventoryEntity';
import { MappingContext } from './mappingContext';

/**
 * The site section: the Domain of the whole homelab, pointing TechDocs at
 * the architecture docs generated from the inventory when there are any.
 */
export function domainEntity(
  context: MappingContext,
  docsLocation: string | undefined,
): Entity {
  const { site } = context.inventory;
  return inventoryEntity(
    'Domain',
    {
      name: site.name,
      title: site.title,
      description: site.description,
      tags: ['homelab'],
      annotations: {
        ...context.sourceOf(site),
        ...(docsLocation
          ? {
              [ANNOTATION_INVENTORY_DOCS]: docsLocation,
              // The TechDocs module prepares these from the inventory; "dir:."
              // keeps TechDocs' own location handling (edit links) working.
              'backstage.io/techdocs-ref': 'dir:.',
            }
          : {}),
      },
    },
    { owner: context.owner },
  );
}

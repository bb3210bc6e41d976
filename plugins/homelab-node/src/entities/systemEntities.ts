import { Entity } from '@backstage/catalog-model';
import {
  ENVIRONMENT_SYSTEM_TYPE,
  SHARED_SYSTEM_TYPE,
  SharedArea,
  sharedSystemName,
} from '@homelab/plugin-homelab-common';
import { defined, mergeTags } from './entityMetadata';
import { systemRef } from './entityRefs';
import { homelabEntity, inventoryEntity } from './inventoryEntity';
import { MappingContext } from './mappingContext';

const AREA_TITLES: Record<SharedArea, string> = {
  network: 'Network',
  storage: 'Storage',
  compute: 'Compute',
};

/**
 * The environments section, each a System of the site's Domain, followed by
 * the Systems of the shared areas that some entity is part of. Called after
 * the other sections, which note the shared areas they use.
 */
export function systemEntities(context: MappingContext): Entity[] {
  const { site } = context.inventory;
  const environments = context.inventory.environments.map(environment =>
    homelabEntity(
      'System',
      {
        name: environment.name,
        title: environment.title,
        description: environment.description,
        tags: mergeTags(['environment']),
        annotations: context.sourceOf(environment),
      },
      {
        type: ENVIRONMENT_SYSTEM_TYPE,
        owner: environment.owner ?? context.owner,
        domain: site.name,
        homelab: defined({
          updates: environment.updates,
          domain: environment.domain,
          promotesTo: environment.promotesTo
            ? systemRef(environment.promotesTo)
            : undefined,
        }),
      },
    ),
  );
  const siteTitle = site.title ?? site.name;
  const sharedAreas = (['network', 'storage', 'compute'] as const)
    .filter(area => context.usedAreas.has(area))
    .map(area =>
      inventoryEntity(
        'System',
        {
          name: sharedSystemName(site.name, area),
          title: `${AREA_TITLES[area]} (${siteTitle})`,
          description: `Shared ${area} infrastructure of ${siteTitle}, serving every environment.`,
          tags: ['shared-infrastructure'],
          annotations: context.sourceOf(site),
        },
        { type: SHARED_SYSTEM_TYPE, owner: context.owner, domain: site.name },
      ),
    );
  return [...environments, ...sharedAreas];
}

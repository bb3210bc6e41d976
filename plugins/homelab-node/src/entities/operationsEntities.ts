import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  HOMELAB_RESOURCE_TYPES,
  Target,
  platformServiceEntityName,
} from '@homelab/plugin-homelab-common';
import { defined, link, mergeTags } from './entityMetadata';
import { resourceRef } from './entityRefs';
import { homelabEntity } from './inventoryEntity';
import { MappingContext } from './mappingContext';

/** The catalog entity a backup, objective or external service target names, if it is one. */
function targetRef(target: Target): string | undefined {
  if (target.cluster && target.service)
    return stringifyEntityRef({
      kind: 'component',
      name: platformServiceEntityName(target.cluster, target.service),
    });
  const name =
    target.cluster ?? target.storage ?? target.device ?? target.externalService;
  if (name) return resourceRef(name);
  if (target.app) {
    return target.app.includes(':')
      ? target.app
      : stringifyEntityRef({ kind: 'component', name: target.app });
  }
  return undefined;
}

const refsOf = (targets: Target[]) => {
  const refs = [
    ...new Set(targets.map(targetRef).filter((r): r is string => !!r)),
  ];
  return refs.length ? refs : undefined;
};

/**
 * Backup jobs and external services: Resources of the shared storage and
 * network Systems, depending on what they back up, where the copies go, and
 * what uses them.
 */
export function operationsEntities(context: MappingContext): Entity[] {
  const { inventory } = context;
  const backups = inventory.backups.map(job => {
    const { name, title, description, owner, tags, ...facts } = job;
    return homelabEntity(
      'Resource',
      {
        name,
        title,
        description,
        tags: mergeTags(tags, [job.kind]),
        annotations: context.sourceOf(job),
      },
      defined({
        type: HOMELAB_RESOURCE_TYPES.backupJob,
        owner: owner ?? context.owner,
        system: context.sharedSystem('storage'),
        dependsOn: refsOf([
          ...job.sources,
          ...(job.destination ? [job.destination] : []),
        ]),
        homelab: defined({ ...facts }),
      }),
    );
  });
  const services = inventory.externalServices.map(service => {
    const { name, title, description, owner, tags, ...facts } = service;
    return homelabEntity(
      'Resource',
      {
        name,
        title,
        description,
        tags: mergeTags(tags, [service.category]),
        links: link(service.url, 'Service'),
        annotations: context.sourceOf(service),
      },
      defined({
        type: HOMELAB_RESOURCE_TYPES.externalService,
        owner: owner ?? context.owner,
        system: context.sharedSystem('network'),
        dependencyOf: refsOf(service.usedBy ?? []),
        homelab: defined({ ...facts }),
      }),
    );
  });
  return [...backups, ...services];
}

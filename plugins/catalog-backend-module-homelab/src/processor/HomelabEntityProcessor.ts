import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  RELATION_CONNECTED_TO,
  RELATION_CONNECTION_OF,
  RELATION_HOSTED_ON,
  RELATION_HOSTS,
  RELATION_PROMOTED_FROM,
  RELATION_PROMOTES_TO,
  homelabSpecSchemas,
  parseHomelabSpec,
} from '@homelab/plugin-homelab-common';
import { RELATION_HAS_PART, RELATION_PART_OF } from '@backstage/catalog-model';

/** The spec.homelab field, and which relation pair each one means. */
const RELATION_FIELDS = [
  { field: 'hostedOn', forward: RELATION_HOSTED_ON, reverse: RELATION_HOSTS },
  {
    field: 'connectedTo',
    forward: RELATION_CONNECTED_TO,
    reverse: RELATION_CONNECTION_OF,
  },
  { field: 'partOf', forward: RELATION_PART_OF, reverse: RELATION_HAS_PART },
  {
    field: 'promotesTo',
    forward: RELATION_PROMOTES_TO,
    reverse: RELATION_PROMOTED_FROM,
  },
] as const;

/**
 * Validates `spec.homelab` of homelab entities, whoever wrote them (the
 * inventory provider or a hand-written catalog-info.yaml), and turns its
 * relation fields into catalog relations in both directions. Entities without
 * `spec.homelab` are left alone.
 *
 * @public
 */
export class HomelabEntityProcessor implements CatalogProcessor {
  /** {@inheritDoc @backstage/plugin-catalog-node#CatalogProcessor.getProcessorName} */
  getProcessorName(): string {
    return 'HomelabEntityProcessor';
  }

  /** Validates spec.homelab and emits its relations. */
  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const check = parseHomelabSpec(entity);
    if (check.state === 'absent') return entity;

    if (check.state === 'unknown-type') {
      emit(
        processingResult.inputError(
          location,
          `${entity.kind} ${
            entity.metadata.name
          } has spec.homelab but its spec.type "${String(
            check.type,
          )}" is not a homelab type (${Object.keys(homelabSpecSchemas).join(
            ', ',
          )})`,
        ),
      );
      return entity;
    }
    if (check.state === 'invalid') {
      const problems = check.issues
        .map(
          issue =>
            `spec.homelab${issue.path
              .map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
              .join('')}: ${issue.message}`,
        )
        .join('; ');
      emit(
        processingResult.inputError(
          location,
          `${entity.kind} ${entity.metadata.name} is not a valid ${check.type}: ${problems}`,
        ),
      );
      return entity;
    }

    const self = getCompoundEntityRef(entity);
    for (const { field, forward, reverse } of RELATION_FIELDS) {
      const value = check.spec[field];
      const targets = value === undefined ? [] : [value].flat();
      for (const target of targets) {
        const targetRef = parseEntityRef(target);
        emit(
          processingResult.relation({
            source: self,
            type: forward,
            target: targetRef,
          }),
        );
        emit(
          processingResult.relation({
            source: targetRef,
            type: reverse,
            target: self,
          }),
        );
      }
    }
    return entity;
  }
}

import type { Entity } from '@backstage/catalog-model';
import { z } from 'zod';
import {
  HomelabSpec,
  HomelabSpecType,
  homelabSpecSchemas,
  isHomelabSpecType,
} from './specs';

/**
 * An entity's `spec.homelab`, typed as the catalog module writes it for the
 * spec.type `T`. Neither checked nor complete: the catalog may hold entities
 * from other providers that share the spec.type with fewer facts, and a view
 * should still show what there is. Where a wrong spec must be reported, use
 * {@link parseHomelabSpec}.
 *
 * @public
 */
export function getHomelabSpec<T extends HomelabSpecType>(
  entity: Entity,
): Partial<HomelabSpec<T>> {
  return (entity.spec?.homelab ?? {}) as Partial<HomelabSpec<T>>;
}

/**
 * One way a `spec.homelab` misses its schema: where, below spec.homelab, and why.
 *
 * @public
 */
export interface HomelabSpecIssue {
  /** Keys and list indexes from spec.homelab down to the wrong value. */
  path: PropertyKey[];
  /** What is wrong there. */
  message: string;
}

/**
 * What an entity's `spec.homelab` holds, checked against the schema of its
 * spec.type:
 * absent: the entity has no spec.homelab, so it is not a homelab entity;
 * unknown-type: it has one, but its spec.type has no homelab schema;
 * invalid: it misses the schema, for the reasons listed;
 * valid: it matches, and `spec` is the parsed value.
 *
 * @public
 */
export type HomelabSpecCheck =
  | { state: 'absent' }
  | { state: 'unknown-type'; type: unknown }
  | { state: 'invalid'; type: HomelabSpecType; issues: HomelabSpecIssue[] }
  | {
      state: 'valid';
      type: HomelabSpecType;
      spec: HomelabSpec<HomelabSpecType>;
    };

/**
 * Checks an entity's `spec.homelab` against the schema of its spec.type, for
 * code that must not trust it (the catalog processor validating entities from
 * any source).
 *
 * @public
 */
export function parseHomelabSpec(entity: Entity): HomelabSpecCheck {
  const homelab = entity.spec?.homelab;
  if (homelab === undefined) return { state: 'absent' };
  const type = entity.spec?.type;
  if (!isHomelabSpecType(type)) return { state: 'unknown-type', type };
  const result = (homelabSpecSchemas[type] as z.ZodType).safeParse(homelab);
  if (!result.success) {
    return {
      state: 'invalid',
      type,
      issues: result.error.issues.map(({ path, message }) => ({
        path,
        message,
      })),
    };
  }
  return {
    state: 'valid',
    type,
    spec: result.data as HomelabSpec<HomelabSpecType>,
  };
}

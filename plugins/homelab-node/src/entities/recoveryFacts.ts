import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Inventory,
  Target,
  platformServiceEntityName,
} from '@homelab/plugin-homelab-common';
import { durationMinutes } from '../inventory/rules/schedules';
import { resourceRef } from './entityRefs';

interface Recovery {
  rpo?: string;
  rto?: string;
  objectives: string[];
}

/** The entity of the inventory a target names: a cluster, platform service, storage, device or external service. */
function entityOf(target: Target): string | undefined {
  if (target.cluster && target.service) {
    return stringifyEntityRef({
      kind: 'component',
      name: platformServiceEntityName(target.cluster, target.service),
    });
  }
  const name =
    target.cluster ?? target.storage ?? target.device ?? target.externalService;
  return name ? resourceRef(name) : undefined;
}

/** The shorter of two durations, either possibly unstated. */
const stricter = (a: string | undefined, b: string | undefined) => {
  if (!a || !b) return a ?? b;
  return (durationMinutes(b) ?? Infinity) < (durationMinutes(a) ?? Infinity)
    ? b
    : a;
};

/**
 * Gives each entity that recovery objectives apply to its strictest RPO and
 * RTO and the objectives' names, in spec.homelab.recovery.
 */
export function addRecoveryFacts(inventory: Inventory, entities: Entity[]) {
  const byRef = new Map<string, Recovery>();
  for (const objective of inventory.recoveryObjectives) {
    for (const target of objective.appliesTo) {
      const ref = entityOf(target);
      if (!ref) continue;
      const recovery = byRef.get(ref) ?? { objectives: [] };
      recovery.rpo = stricter(recovery.rpo, objective.rpo);
      recovery.rto = stricter(recovery.rto, objective.rto);
      if (!recovery.objectives.includes(objective.name))
        recovery.objectives.push(objective.name);
      byRef.set(ref, recovery);
    }
  }
  if (byRef.size === 0) return;
  for (const entity of entities) {
    const recovery = byRef.get(stringifyEntityRef(entity));
    const homelab = (entity.spec as { homelab?: Record<string, unknown> })
      ?.homelab;
    if (!recovery || !homelab) continue;
    homelab.recovery = Object.fromEntries(
      Object.entries(recovery).filter(([, value]) => value !== undefined),
    );
  }
}

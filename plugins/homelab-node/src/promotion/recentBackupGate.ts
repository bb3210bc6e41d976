import { BackupSet } from '@homelab/plugin-homelab-common';
import type { GateContext, Verdict } from './evaluatePromotionGates';
import { staleNote, where } from './gateText';

const describe = (set: BackupSet) =>
  `${set.tool} ${set.name} in ${set.cluster}: ${set.state} (${set.reason})`;

/**
 * The target environment has a recent backup of the app's data: some
 * backup set covering the namespace its workloads run in is ok now (its
 * last success within the RPO the inventory states, or, without one,
 * within its own schedule). Stale backups data, or none to read, cannot
 * decide.
 */
export async function recentBackupGate({
  candidate,
  data,
  releases,
}: GateContext): Promise<Verdict> {
  const { to } = await releases();
  if (!to)
    return {
      passed: null,
      reasons: [`${candidate.app} is not seen in ${candidate.to}`],
    };
  if (!data.backups)
    return {
      passed: null,
      reasons: ['the backups of the target cannot be read here'],
    };
  const namespace = to.targetNamespace ?? to.namespace;
  const { items, freshness } = await data.backups(to.cluster, namespace);
  const stale = staleNote(freshness.filter(f => f.cluster === to.cluster));
  if (stale.length) return { passed: null, reasons: stale };
  if (!items.length)
    return {
      passed: false,
      reasons: [
        `no backup covers namespace ${namespace} of ${to.cluster} (${where(
          to,
        )})`,
      ],
    };
  const ok = items.filter(set => set.state === 'ok');
  return ok.length
    ? { passed: true, reasons: ok.map(describe) }
    : { passed: false, reasons: items.map(describe) };
}

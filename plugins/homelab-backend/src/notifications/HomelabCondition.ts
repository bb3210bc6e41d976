/**
 * What the homelab notifies about. Each kind is one condition per subject
 * (an SLO, an entity, a source of a cluster...) that starts, may worsen, and
 * clears.
 */
export const CONDITION_KINDS = [
  'slo-fast-burn',
  'slo-slow-burn',
  'critical-vulnerabilities',
  'posture-drop',
  'stale-source',
  'backup-missed',
  'certificate-expiring',
] as const;

/** One kind of condition; homelab.notifications.conditions lists the ones notified. */
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** A condition that holds now, with what its notification says. */
export interface HomelabCondition {
  kind: ConditionKind;
  /** Stable across evaluations while the condition is the same one, like "slo-fast-burn:<slo id>". */
  key: string;
  /** The entity whose owner is told; the notifications backend resolves the owning group's members. */
  entityRef: string;
  /** high pages (fast burn); normal is a ticket. */
  severity: 'high' | 'normal';
  title: string;
  description: string;
  /**
   * How bad it is, where it can get worse while it holds (the number of
   * critical vulnerabilities): a higher level is notified again.
   */
  level: number;
}

/** What one evaluation found, for the kinds it evaluated. */
export interface ConditionEvaluation {
  /** The conditions that hold. */
  holding: HomelabCondition[];
  /**
   * Keys whose condition cannot be judged now (an SLO without data, a score
   * not computed): a condition raised earlier is neither cleared nor raised.
   */
  undetermined: string[];
}

import {
  AppDrift,
  appEntityRefs,
  AppRelease,
  BackupSet,
  Finding,
  SloStatus,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import { sameVersion } from '../gitops/versions/compareVersions';
import { activeFreeze, describeFreeze } from './activeFreeze';
import { GateMode, PromotionGateSettings } from './gateSettings';
import { staleNote, where } from './gateText';
import { recentBackupGate } from './recentBackupGate';

/**
 * One gate's verdict.
 *
 * @public
 */
export type GateResult = {
  gate:
    | 'fluxReady'
    | 'criticalVulnerabilities'
    | 'errorBudget'
    | 'soakTime'
    | 'freezeWindow'
    | 'recentBackup';
  mode: 'required' | 'advisory';
  /** null: it could not be decided (no data, stale data, an unreachable API). */
  passed: boolean | null;
  reasons: string[];
};

/**
 * What the gates read about the running environments: homelab-backend's
 * data, over HTTP for the scaffolder, from its store for its own preview.
 *
 * @public
 */
export interface PromotionGateData {
  /** The releases of every app in every environment, and how fresh they are. */
  drift(): Promise<{ apps: AppDrift[]; freshness: SourceFreshness[] }>;
  /** The critical findings of the workloads in a namespace of a cluster. */
  criticalFindings(
    cluster: string,
    namespace: string,
  ): Promise<{ items: Finding[]; freshness: SourceFreshness[] }>;
  /** Every SLO and its state, and how fresh the SLO source is. */
  slos(): Promise<{ items: SloStatus[]; freshness: SourceFreshness[] }>;
  /**
   * The backup sets covering a namespace of a cluster, judged now, and how
   * fresh the backups source is; without it the recentBackup gate cannot
   * decide.
   */
  backups?(
    cluster: string,
    namespace: string,
  ): Promise<{ items: BackupSet[]; freshness: SourceFreshness[] }>;
}

/**
 * The promotion being gated.
 *
 * @public
 */
export interface PromotionCandidate {
  /** The app promoted. */
  app: string;
  /** The source environment. */
  from: string;
  /** The target environment. */
  to: string;
  /** The version promoted (never a range). */
  version?: string;
}

/**
 * The version a release runs, as comparable with a promoted version: a
 * HelmRelease's chart version; a Kustomization's revision without its
 * digest (`v1.4.0@sha1:…` is v1.4.0).
 *
 * @public
 */
export function runningVersion(release: AppRelease): string | undefined {
  return release.kind === 'Kustomization'
    ? release.version?.split('@')[0]
    : release.version;
}

const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10;

/** A gate's verdict, before its name and mode are added. */
export type Verdict = Omit<GateResult, 'gate' | 'mode'>;

/** What every gate reads: the promotion, the settings, the data and the releases of the app. */
export interface GateContext {
  candidate: PromotionCandidate;
  settings: PromotionGateSettings;
  data: PromotionGateData;
  now: Date;
  /** The app's drift entry and its releases in both environments, read once. */
  releases(): Promise<{
    app?: AppDrift;
    from?: AppRelease;
    to?: AppRelease;
    stale: string[];
  }>;
}

async function freezeWindowGate({
  candidate,
  settings,
  now,
}: GateContext): Promise<Verdict> {
  const freeze = activeFreeze(settings.freezes, candidate.to, now);
  if (freeze) {
    return {
      passed: false,
      reasons: [
        `${candidate.to} is frozen: ${freeze.reason} (${describeFreeze(
          freeze,
        )})`,
      ],
    };
  }
  const configured = settings.freezes.filter(
    f => f.environment === candidate.to,
  );
  return {
    passed: true,
    reasons: [
      configured.length
        ? `no freeze window of ${candidate.to} is in force (${configured
            .map(describeFreeze)
            .join('; ')})`
        : `no freeze window is configured for ${candidate.to}`,
    ],
  };
}

async function fluxReadyGate({
  candidate,
  releases,
}: GateContext): Promise<Verdict> {
  const { from, stale } = await releases();
  if (!from) {
    return {
      passed: null,
      reasons: [
        `no Flux object of ${candidate.app} is seen in ${candidate.from}`,
      ],
    };
  }
  if (stale.length) return { passed: null, reasons: stale };
  const reasons: string[] = [];
  if (from.ready !== 'True')
    reasons.push(`${where(from)} is not Ready (${from.ready})`);
  const running = runningVersion(from);
  if (candidate.version && !sameVersion(running, candidate.version)) {
    reasons.push(
      `${from.cluster} runs ${
        running ?? 'an unknown version'
      }, not the promoted ${candidate.version}`,
    );
  }
  return {
    passed: reasons.length === 0,
    reasons: reasons.length
      ? reasons
      : [`${where(from)} is Ready on ${running ?? 'its revision'}`],
  };
}

async function soakTimeGate({
  candidate,
  settings,
  now,
  releases,
}: GateContext): Promise<Verdict> {
  const { from, stale } = await releases();
  if (!from)
    return {
      passed: null,
      reasons: [`${candidate.app} is not seen in ${candidate.from}`],
    };
  if (stale.length) return { passed: null, reasons: stale };
  if (from.ready !== 'True' || !from.readySince) {
    return {
      passed: false,
      reasons: [`${where(from)} is not Ready, so it has not soaked`],
    };
  }
  // It soaks from when it last became Ready or was last deployed, whichever is later.
  const since = Math.max(
    Date.parse(from.readySince),
    from.deployedAt ? Date.parse(from.deployedAt) : 0,
  );
  const soaked = now.getTime() - since;
  const needed = settings.minimumSoakHours * 3_600_000;
  const sinceText = new Date(since).toISOString();
  return soaked >= needed
    ? {
        passed: true,
        reasons: [
          `Ready in ${candidate.from} for ${hours(
            soaked,
          )} h (since ${sinceText}; minimum ${settings.minimumSoakHours} h)`,
        ],
      }
    : {
        passed: false,
        reasons: [
          `Ready in ${candidate.from} for only ${hours(
            soaked,
          )} h (since ${sinceText}); ${
            settings.minimumSoakHours
          } h needed, ${hours(needed - soaked)} h to go`,
        ],
      };
}

async function criticalVulnerabilitiesGate({
  candidate,
  data,
  releases,
}: GateContext): Promise<Verdict> {
  const { from, to } = await releases();
  if (!from)
    return {
      passed: null,
      reasons: [`${candidate.app} is not seen in ${candidate.from}`],
    };
  // Findings belong to the workloads, which run in the target namespace
  // when the Flux object (often in flux-system) sets one.
  const workloadsOf = (release: AppRelease) =>
    release.targetNamespace ?? release.namespace;
  const source = await data.criticalFindings(from.cluster, workloadsOf(from));
  const stale = staleNote(source.freshness);
  if (stale.length) return { passed: null, reasons: stale };
  const known = new Set(
    to
      ? (await data.criticalFindings(to.cluster, workloadsOf(to))).items.map(
          f => f.checkId,
        )
      : [],
  );
  const added = [...new Set(source.items.map(f => f.checkId))].filter(
    id => !known.has(id),
  );
  return {
    passed: added.length === 0,
    reasons: added.length
      ? [
          `${added.length} critical vulnerabilities in ${candidate.from} that ${
            candidate.to
          } does not have: ${added.slice(0, 10).join(', ')}${
            added.length > 10 ? ', …' : ''
          }`,
        ]
      : [
          `no critical vulnerability in ${candidate.from} that ${candidate.to} does not have`,
        ],
  };
}

async function errorBudgetGate({
  candidate,
  settings,
  data,
  releases,
}: GateContext): Promise<Verdict> {
  const { app } = await releases();
  const { items, freshness } = await data.slos();
  const entities = app ? appEntityRefs(app) : [];
  const slos = items.filter(
    s =>
      s.slo.service === candidate.app ||
      (s.slo.entityRef && entities.includes(s.slo.entityRef)),
  );
  if (!slos.length) {
    // Before the first collection, or after a failed one, "no SLO" may
    // only mean none was read yet.
    const stale = staleNote(freshness);
    return {
      passed: null,
      reasons: stale.length
        ? [`no SLO of ${candidate.app} was read: ${stale.join('; ')}`]
        : [`${candidate.app} has no SLO`],
    };
  }
  const reasons: string[] = [];
  let undecided = false;
  let failing = false;
  for (const slo of slos) {
    if (
      slo.errorBudgetRemaining === null ||
      ['stale', 'no-data', 'error'].includes(slo.state)
    ) {
      undecided = true;
      reasons.push(
        `${slo.slo.name}: ${slo.state}${
          slo.evaluatedAt ? ` (evaluated ${slo.evaluatedAt})` : ''
        }`,
      );
      continue;
    }
    const left = Math.round(slo.errorBudgetRemaining * 1000) / 10;
    const enough = slo.errorBudgetRemaining >= settings.minimumErrorBudget;
    failing ||= !enough;
    reasons.push(
      `${slo.slo.name}: ${left}% of the error budget left (minimum ${
        settings.minimumErrorBudget * 100
      }%)`,
    );
  }
  if (failing) return { passed: false, reasons };
  return { passed: undecided ? null : true, reasons };
}

/** Each gate, in the order the verdicts are listed, with the setting that turns it on. */
const GATES: Array<{
  gate: GateResult['gate'];
  mode: (settings: PromotionGateSettings) => GateMode;
  decide: (context: GateContext) => Promise<Verdict>;
}> = [
  {
    gate: 'freezeWindow',
    mode: s => s.freezeWindows,
    decide: freezeWindowGate,
  },
  { gate: 'fluxReady', mode: s => s.fluxReady, decide: fluxReadyGate },
  { gate: 'soakTime', mode: s => s.soakTime, decide: soakTimeGate },
  {
    gate: 'criticalVulnerabilities',
    mode: s => s.criticalVulnerabilities,
    decide: criticalVulnerabilitiesGate,
  },
  { gate: 'errorBudget', mode: s => s.errorBudget, decide: errorBudgetGate },
  {
    gate: 'recentBackup',
    mode: s => s.recentBackup,
    decide: recentBackupGate,
  },
];

/**
 * Decides each gate of a promotion. Anything that cannot be confirmed (stale
 * or missing data, an unreachable backend) is undecided, which a required
 * gate treats as failed; the caller stops on a required gate that did not
 * pass.
 *
 * @public
 */
export async function evaluatePromotionGates(
  candidate: PromotionCandidate,
  settings: PromotionGateSettings,
  data: PromotionGateData,
  now: Date = new Date(),
): Promise<GateResult[]> {
  let drift:
    | Promise<{ apps: AppDrift[]; freshness: SourceFreshness[] }>
    | undefined;
  const releases = async () => {
    const answer = await (drift ??= data.drift());
    const app = answer.apps.find(a => a.app === candidate.app);
    const release = (environment: string) =>
      app?.releases.find(r => r.environment === environment);
    return {
      app,
      from: release(candidate.from),
      to: release(candidate.to),
      stale: staleNote(answer.freshness),
    };
  };
  const context: GateContext = { candidate, settings, data, now, releases };
  const results: GateResult[] = [];
  for (const { gate, mode: modeOf, decide } of GATES) {
    const mode = modeOf(settings);
    if (mode === 'off') continue;
    try {
      results.push({ gate, mode, ...(await decide(context)) });
    } catch (error) {
      results.push({
        gate,
        mode,
        passed: null,
        reasons: [(error as Error).message],
      });
    }
  }
  return results;
}

/**
 * The gates that stop a promotion: required ones that did not pass.
 *
 * @public
 */
export function blockingGates(results: GateResult[]): GateResult[] {
  return results.filter(g => g.mode === 'required' && g.passed !== true);
}

import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AppDrift,
  AppRelease,
  Finding,
  SourceFreshness,
  SloStatus,
} from '@homelab/plugin-homelab-common';

/** How a gate counts: a failed required gate stops the promotion. */
export type GateMode = 'required' | 'advisory' | 'off';

/** One gate's verdict. */
export type GateResult = {
  gate: 'fluxReady' | 'criticalVulnerabilities' | 'errorBudget';
  mode: 'required' | 'advisory';
  /** null: it could not be decided (no data, stale data, API error). */
  passed: boolean | null;
  reasons: string[];
};

export interface PromotionGateSettings {
  fluxReady: GateMode;
  criticalVulnerabilities: GateMode;
  errorBudget: GateMode;
  minimumErrorBudget: number;
}

export function readGateSettings(config: Config): PromotionGateSettings {
  const gates = config.getOptionalConfig('homelab.promotion.gates');
  const mode = (key: string, fallback: GateMode) =>
    (gates?.getOptionalString(key) as GateMode | undefined) ?? fallback;
  return {
    fluxReady: mode('fluxReady', 'required'),
    criticalVulnerabilities: mode('criticalVulnerabilities', 'required'),
    errorBudget: mode('errorBudget', 'advisory'),
    minimumErrorBudget: gates?.getOptionalNumber('minimumErrorBudget') ?? 0.25,
  };
}

/** The promotion being gated. */
export interface PromotionCandidate {
  app: string;
  from: string;
  to: string;
  version?: string;
}

const staleNote = (freshness: SourceFreshness[]) =>
  freshness
    .filter(f => f.state !== 'fresh')
    .map(
      f =>
        `${f.source}${f.cluster ? ` of ${f.cluster}` : ''} is ${f.state}${
          f.collectedAt ? ` (collected ${f.collectedAt})` : ''
        }${f.error ? `: ${f.error}` : ''}`,
    );

/**
 * Asks homelab-backend, with the credentials of the user who runs the
 * template, whether a promotion may go ahead. Anything that cannot be
 * confirmed (stale data, no data, an unreachable backend) is undecided,
 * which a required gate treats as failed.
 */
export async function evaluatePromotionGates(
  candidate: PromotionCandidate,
  settings: PromotionGateSettings,
  services: { discovery: DiscoveryService; auth: AuthService },
  credentials: BackstageCredentials,
): Promise<GateResult[]> {
  const baseUrl = await services.discovery.getBaseUrl('homelab');
  const { token } = await services.auth.getPluginRequestToken({
    onBehalfOf: credentials,
    targetPluginId: 'homelab',
  });
  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw new Error(
        `homelab API ${path.split('?')[0]} answered ${response.status}`,
      );
    }
    return (await response.json()) as T;
  };

  const results: GateResult[] = [];
  const decide = async (
    gate: GateResult['gate'],
    mode: GateMode,
    check: () => Promise<Omit<GateResult, 'gate' | 'mode'>>,
  ) => {
    if (mode === 'off') return;
    try {
      results.push({ gate, mode, ...(await check()) });
    } catch (error) {
      results.push({
        gate,
        mode,
        passed: null,
        reasons: [(error as Error).message],
      });
    }
  };

  let drift: { apps: AppDrift[]; freshness: SourceFreshness[] } | undefined;
  const releases = async () => {
    const answer = (drift ??= await api<NonNullable<typeof drift>>('/drift'));
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

  await decide('fluxReady', settings.fluxReady, async () => {
    const { from, stale } = await releases();
    if (!from)
      return {
        passed: null,
        reasons: [
          `no Flux object of ${candidate.app} is seen in ${candidate.from}`,
        ],
      };
    if (stale.length) return { passed: null, reasons: stale };
    const reasons: string[] = [];
    if (from.ready !== 'True')
      reasons.push(
        `${from.kind} ${from.namespace}/${from.name} in ${from.cluster} is not Ready (${from.ready})`,
      );
    if (
      candidate.version &&
      from.version &&
      !from.version.includes(candidate.version)
    ) {
      reasons.push(
        `${from.cluster} runs ${from.version}, not the promoted ${candidate.version}`,
      );
    }
    return {
      passed: reasons.length === 0,
      reasons: reasons.length
        ? reasons
        : [
            `${from.kind} ${from.namespace}/${from.name} in ${
              from.cluster
            } is Ready on ${from.version ?? 'its revision'}`,
          ],
    };
  });

  await decide(
    'criticalVulnerabilities',
    settings.criticalVulnerabilities,
    async () => {
      const { from, to } = await releases();
      if (!from)
        return {
          passed: null,
          reasons: [`${candidate.app} is not seen in ${candidate.from}`],
        };
      const critical = async (cluster: string, namespace: string) => {
        const page = await api<{
          items: Finding[];
          freshness: SourceFreshness[];
        }>(
          `/posture/findings?cluster=${encodeURIComponent(
            cluster,
          )}&namespace=${encodeURIComponent(
            namespace,
          )}&severity=critical&limit=500`,
        );
        return page;
      };
      // Findings belong to the workloads, which run in the target namespace
      // when the Flux object (often in flux-system) sets one.
      const workloadsOf = (release: AppRelease) =>
        release.targetNamespace ?? release.namespace;
      const source = await critical(from.cluster, workloadsOf(from));
      const stale = staleNote(source.freshness);
      if (stale.length) return { passed: null, reasons: stale };
      const known = new Set(
        to
          ? (await critical(to.cluster, workloadsOf(to))).items.map(
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
              `${added.length} critical vulnerabilities in ${
                candidate.from
              } that ${candidate.to} does not have: ${added
                .slice(0, 10)
                .join(', ')}`,
            ]
          : [
              `no critical vulnerability in ${candidate.from} that ${candidate.to} does not have`,
            ],
      };
    },
  );

  await decide('errorBudget', settings.errorBudget, async () => {
    const { app } = await releases();
    const { items } = await api<{ items: SloStatus[] }>('/slos');
    const slos = items.filter(
      s =>
        s.slo.service === candidate.app ||
        (app?.entityRef && s.slo.entityRef === app.entityRef),
    );
    if (!slos.length)
      return { passed: null, reasons: [`${candidate.app} has no SLO`] };
    const reasons: string[] = [];
    let undecided = false;
    for (const slo of slos) {
      if (
        slo.errorBudgetRemaining === null ||
        slo.state === 'stale' ||
        slo.state === 'no-data' ||
        slo.state === 'error'
      ) {
        undecided = true;
        reasons.push(
          `${slo.slo.name}: ${slo.state}${
            slo.evaluatedAt ? ` (evaluated ${slo.evaluatedAt})` : ''
          }`,
        );
      } else {
        const left = Math.round(slo.errorBudgetRemaining * 1000) / 10;
        reasons.push(
          `${slo.slo.name}: ${left}% of the error budget left (minimum ${
            settings.minimumErrorBudget * 100
          }%)`,
        );
      }
    }
    const failing = slos.some(
      s =>
        s.errorBudgetRemaining !== null &&
        s.errorBudgetRemaining < settings.minimumErrorBudget,
    );
    if (failing) return { passed: false, reasons };
    return { passed: undecided ? null : true, reasons };
  });

  return results;
}

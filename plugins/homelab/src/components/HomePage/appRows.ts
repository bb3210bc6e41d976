import {
  AppDrift,
  appEntityRefs,
  AppRelease,
  Finding,
  SloStatus,
  SourceFreshness,
  TopologyGraph,
} from '@homelab/plugin-homelab-common';
import { SEVERITIES } from '../shared/SeverityChip';
import { vulnerabilitiesUnknownBecause } from './vulnerabilitiesKnown';

/** One app at a glance: how it runs in each environment, its budget and its worst vulnerability. */
export interface AppRow {
  app: string;
  title: string;
  /**
   * The Flux object (kind and name) the row is, when other rows share its
   * title: Flux's own Kustomizations (flux-system, infrastructure, apps)
   * all belong to Flux CD.
   */
  deployedBy?: string;
  /** Its catalog entity, where every release belongs to the same one. */
  entityRef?: string;
  /**
   * The entities its releases belong to: one, or one per cluster for a
   * platform service ("Flux CD (staging)", "Flux CD (production)").
   */
  entityRefs: string[];
  url?: string;
  /** Worst of its Flux Ready conditions and SLO states. */
  state: 'ok' | 'warning' | 'error' | 'unknown';
  /** Why it is not ok. */
  reason?: string;
  releases: Map<string, AppRelease>;
  /** The SLO with the least error budget left. */
  tightestSlo?: SloStatus;
  worstFinding?: Finding;
  /** The entity of its worst finding, whose findings it leads to. */
  worstFindingEntityRef?: string;
  /** Why its vulnerabilities are not known, when they are not (see vulnerabilitiesUnknownBecause). */
  vulnerabilitiesUnknown?: string;
}

const RANK = { error: 0, warning: 1, unknown: 2, ok: 3 } as const;

/**
 * An app's title: its entity's, or for an app of an entity per cluster
 * their titles without the cluster each names, as this plugin's catalog
 * titles a platform service ("Flux CD (production)" and "Flux CD
 * (staging)" are "Flux CD").
 */
function titleOf(
  drift: AppDrift,
  entities: ReadonlyMap<string, { title?: string }>,
): string {
  if (drift.entityRef) return entities.get(drift.entityRef)?.title || drift.app;
  const titles = new Set<string>();
  for (const release of drift.releases) {
    const title = release.entityRef && entities.get(release.entityRef)?.title;
    if (!title) continue;
    const cluster = ` (${release.cluster})`;
    titles.add(
      title.endsWith(cluster) ? title.slice(0, -cluster.length) : title,
    );
  }
  return [...titles].join(' / ') || drift.app;
}

function sloState(slo: SloStatus): AppRow['state'] {
  if (slo.state === 'breaching' || slo.state === 'error') return 'error';
  if (slo.state === 'warning') return 'warning';
  if (slo.state === 'ok') return 'ok';
  return 'unknown';
}

/**
 * An app's state: failing when a release is not Ready or an SLO breaches,
 * with why; what could not be judged is said beside it.
 */
function appState(
  drift: AppDrift,
  slos: SloStatus[],
): Pick<AppRow, 'state' | 'reason'> {
  const problems: Array<{ state: AppRow['state']; reason: string }> = [];
  for (const release of drift.releases) {
    if (release.ready === 'False')
      problems.push({
        state: 'error',
        reason: `${release.kind} in ${release.environment} is not Ready`,
      });
    else if (release.ready === 'Unknown')
      problems.push({
        state: 'unknown',
        reason: `${release.kind} in ${release.environment}: Ready unknown`,
      });
  }
  for (const slo of slos) {
    const name = `SLO ${slo.slo.displayName ?? slo.slo.name}`;
    const state = sloState(slo);
    // Too few events to judge, as its budget is not judged: said, but
    // counted neither way.
    if (slo.state === 'not-enough-data')
      problems.push({
        state: 'ok',
        reason: `${name}: too few events to judge`,
      });
    else if (state !== 'ok')
      problems.push({ state, reason: `${name}: ${slo.state}` });
  }
  if (!problems.length) return { state: 'ok' };
  problems.sort((a, b) => RANK[a.state] - RANK[b.state]);
  return {
    state: problems[0].state,
    reason: problems.map(p => p.reason).join('; '),
  };
}

/**
 * One row per app the clusters run, worst first: its releases by
 * environment, its state, the SLO closest to running out of budget and its
 * most severe vulnerability.
 */
export function appRows(options: {
  apps: AppDrift[];
  slos: SloStatus[];
  worstFindings: ReadonlyMap<string, Finding | undefined>;
  /** Freshness of the security collection, per cluster. */
  securityFreshness: SourceFreshness[];
  entities: ReadonlyMap<string, { title?: string; url?: string }>;
}): AppRow[] {
  const sharing = new Map<string, number>();
  for (const drift of options.apps) {
    const title = titleOf(drift, options.entities);
    sharing.set(title, (sharing.get(title) ?? 0) + 1);
  }
  const rows = options.apps.map((drift): AppRow => {
    const entityRefs = appEntityRefs(drift);
    const slos = options.slos.filter(
      s => s.slo.entityRef && entityRefs.includes(s.slo.entityRef),
    );
    const tightestSlo = [...slos]
      // A budget of too few events is not judged: not the app's tightest.
      .filter(
        s => s.errorBudgetRemaining !== null && s.state !== 'not-enough-data',
      )
      .sort(
        (a, b) => (a.errorBudgetRemaining ?? 0) - (b.errorBudgetRemaining ?? 0),
      )[0];
    const [worst] = entityRefs
      .flatMap(ref => {
        const finding = options.worstFindings.get(ref);
        return finding ? [{ ref, finding }] : [];
      })
      .sort(
        (a, b) =>
          SEVERITIES.indexOf(a.finding.severity) -
          SEVERITIES.indexOf(b.finding.severity),
      );
    const entity = drift.entityRef
      ? options.entities.get(drift.entityRef)
      : undefined;
    const title = titleOf(drift, options.entities);
    const kinds = [...new Set(drift.releases.map(release => release.kind))];
    return {
      app: drift.app,
      title,
      ...(sharing.get(title)! > 1
        ? { deployedBy: [...kinds, drift.app].join(' ') }
        : {}),
      entityRef: drift.entityRef,
      entityRefs,
      url: entity?.url,
      ...appState(drift, slos),
      releases: new Map(drift.releases.map(r => [r.environment, r])),
      tightestSlo,
      worstFinding: worst?.finding,
      worstFindingEntityRef: worst?.ref,
      vulnerabilitiesUnknown: vulnerabilitiesUnknownBecause({
        entityRef: entityRefs[0],
        releases: drift.releases,
        freshness: options.securityFreshness,
      }),
    };
  });
  return rows.sort(
    (a, b) =>
      RANK[a.state] - RANK[b.state] ||
      a.title.localeCompare(b.title) ||
      a.app.localeCompare(b.app),
  );
}

/** The estate at a glance: Kubernetes nodes up, clusters, and sources not fresh. */
export function estateFacts(graph: TopologyGraph) {
  const nodes = graph.nodes.filter(n => n.kind === 'node');
  return {
    nodesUp: nodes.filter(n => n.status === 'ok').length,
    nodes: nodes.length,
    clusters: graph.nodes.filter(n => n.kind === 'cluster').length,
    devices: graph.nodes.filter(n =>
      ['device', 'router', 'switch'].includes(n.kind),
    ).length,
    staleSources: graph.freshness.filter(f => f.state !== 'fresh'),
  };
}

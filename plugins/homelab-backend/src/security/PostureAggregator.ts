import {
  Finding,
  PostureSummary,
  ReportDiscrepancy,
} from '@homelab/plugin-homelab-common';
import { StagedFindings, stagedFindings } from '../database/PostureStore';
import { EntityIndex } from '../workloads/EntityIndex';
import { resolveWorkload } from '../workloads/resolveWorkload';
import {
  labelledObjects,
  WorkloadSnapshot,
} from '../workloads/WorkloadSnapshot';
import { FindingIds } from './findingId';
import { ImageScans, mergeScans, Scan } from './imageScans';
import { Int32Slab } from './int32Slab';
import { stagedVulnerabilities } from './listedFindings';
import { PostureTallies } from './PostureTallies';
import { TargetMap } from './TargetMap';
import { workloadVulnerabilityScore } from './postureScore';
import {
  ComplianceResult,
  ParsedReport,
  RawFinding,
  reportName,
  ReportTally,
  ReportTarget,
} from './reports';

/** Discrepancies a summary lists; the collection's warnings count all of them. */
const MAX_DISCREPANCIES = 100;
/** Warnings kept word for word; the rest are counted. */
const MAX_WARNINGS = 20;

const targetKey = (w: ReportTarget) =>
  `${w.kind}/${w.namespace ?? ''}/${w.name}`;

/** Where a report's target belongs: its workload (a Deployment rather than its ReplicaSet) and entity. */
interface Placement {
  workload?: ReportTarget;
  /** The workload as findings show it. */
  shown?: { kind: string; name: string };
  key?: string;
  namespace?: string;
  entityRef?: string;
}

/** The report of one kind on one workload container that counts: the one written last. */
interface Revision {
  report: string;
  updatedAt?: string;
  placement: Placement;
  tallies: ReportTally[];
  scan?: Scan;
}

/** What one cluster's collection stores besides its findings. */
interface PostureResult {
  summaries: PostureSummary[];
  warnings: string[];
  /** Reports whose findings are to be dropped: a newer report on the same workload container replaced them. */
  superseded: string[];
}

/**
 * Aggregates one cluster's reports as they are read, page by page: each
 * report's findings are placed on their workload and entity with a stable
 * id and handed out (takeFindings) to be stored, and its counts, from its
 * own summary, added to the cluster, namespace and entity it belongs to. Of
 * two Trivy reports of one kind on one workload container (the old and the
 * new ReplicaSet of a rollout), the one written last counts, and the other's
 * findings are named to be dropped.
 * What it keeps between pages is bounded by the workloads and reports, not
 * by the findings: a finding is kept only until it is taken.
 */
export class PostureAggregator {
  readonly #tallies: PostureTallies;
  readonly #placed = new TargetMap<Placement>();
  readonly #labelsOf = new TargetMap<Record<string, string> | undefined>();
  /** The latest report per kind, workload and container. */
  readonly #revisions = new Map<string, Revision>();
  /** Reports a newer report on the same workload container replaces. */
  readonly #superseded: string[] = [];
  #findings: StagedFindings[] = [];
  #pendingFindings = 0;
  readonly #ids = new FindingIds();
  /** The arrays of staged findings' ids and keys, let go with them. */
  readonly #stagedArrays = new Int32Slab();
  readonly #scans = new ImageScans();
  readonly #compliance: ComplianceResult[] = [];
  readonly #discrepancies: ReportDiscrepancy[] = [];
  #discrepancyCount = 0;
  readonly #warnings: string[] = [];
  #moreWarnings = 0;
  #passesUnknown = 0;
  #lastTarget?: ReportTarget;
  #lastPlacement?: Placement;

  constructor(
    private readonly cluster: string,
    private readonly workloads: WorkloadSnapshot | undefined,
    private readonly entities: EntityIndex,
  ) {
    this.#tallies = new PostureTallies(cluster);
    for (const object of labelledObjects(workloads))
      this.#labelsOf.set(object, object.labels);
  }

  /** Adds one report. */
  add(report: ParsedReport) {
    for (const warning of report.warnings) this.#warn(warning);
    if (report.discrepancy) {
      this.#discrepancyCount++;
      if (this.#discrepancies.length < MAX_DISCREPANCIES)
        this.#discrepancies.push(report.discrepancy);
    }
    if (report.compliance) this.#compliance.push(report.compliance);
    const name = reportName(report.ref);
    if (report.findings.length) {
      this.#stage(
        stagedFindings(
          name,
          report.findings.map(raw => this.#placeFinding(raw)),
        ),
      );
    }
    let keys: Int32Array | undefined;
    if (report.vulnerabilities) {
      const { shared } = report.vulnerabilities;
      const staged = stagedVulnerabilities(
        name,
        report.vulnerabilities,
        this.#place(shared.target),
        this.#ids,
        this.#stagedArrays,
      );
      this.#stage(staged.findings);
      keys = staged.keys;
    }
    for (const tally of report.tallies) {
      const { checks, misconfigurations } = tally.counts;
      if (misconfigurations && !checks && report.revision)
        this.#passesUnknown++;
    }
    const revision = report.revision;
    if (!revision) {
      for (const tally of report.tallies) this.#count(tally);
      return;
    }
    const placement = this.#place(revision.target);
    const key = `${report.ref.kind}|${placement.key}|${
      revision.container ?? ''
    }`;
    const known = this.#revisions.get(key);
    if (known && (known.updatedAt ?? '') > (revision.updatedAt ?? '')) {
      this.#superseded.push(name);
      return;
    }
    if (known) this.#superseded.push(known.report);
    this.#revisions.set(key, {
      report: name,
      updatedAt: revision.updatedAt,
      placement,
      tallies: report.tallies,
      ...(report.scanned && placement.key
        ? { scan: this.#scans.of(report, keys) }
        : {}),
    });
  }

  /** How many findings were added since they were last taken. */
  get pendingFindings(): number {
    return this.#pendingFindings;
  }

  /** The findings added since the last call, by report, to be stored; they are not kept. */
  takeFindings(): StagedFindings[] {
    const findings = this.#findings;
    this.#findings = [];
    this.#pendingFindings = 0;
    return findings;
  }

  #stage(findings: StagedFindings) {
    this.#findings.push(findings);
    this.#pendingFindings += findings.length;
  }

  /** The summaries of every scope, and what the collection warns about. */
  finish(collectedAt: string): PostureResult {
    const scanned = new Map<string, { placement: Placement; scans: Scan[] }>();
    for (const { tallies, scan, placement } of this.#revisions.values()) {
      for (const tally of tallies) this.#count(tally);
      if (!scan) continue;
      const workload = scanned.get(placement.key!);
      if (workload) workload.scans.push(scan);
      else scanned.set(placement.key!, { placement, scans: [scan] });
    }
    for (const { placement, scans } of scanned.values()) {
      const { counts, secrets } = mergeScans(scans);
      const score = workloadVulnerabilityScore(counts, secrets);
      for (const tally of this.#tallies.scopesOf(
        placement.namespace,
        placement.entityRef,
      ))
        tally.workloadScores.push(score);
    }
    // A cluster without any report still has a (null-scored) summary.
    this.#tallies.scopesOf(undefined, undefined);
    return {
      summaries: this.#tallies.summaries(collectedAt, {
        compliance: this.#compliance,
        discrepancies: this.#discrepancies,
      }),
      warnings: this.#collectionWarnings(),
      superseded: this.#superseded,
    };
  }

  #collectionWarnings(): string[] {
    const warnings = [...this.#warnings];
    if (this.#moreWarnings)
      warnings.push(`... and ${this.#moreWarnings} more like these`);
    if (this.#discrepancyCount) {
      const named = this.#discrepancies
        .slice(0, 3)
        .map(d => reportName(d))
        .join(', ');
      warnings.push(
        `${
          this.#discrepancyCount
        } report(s) disagree with their own summary; the counts follow the summaries (${named}${
          this.#discrepancyCount > 3 ? ', ...' : ''
        })`,
      );
    }
    if (this.#passesUnknown) {
      warnings.push(
        `${
          this.#passesUnknown
        } Trivy report(s) list only failed checks (Trivy Operator's report.recordFailedChecksOnly): their failures count, but without their passed checks they are left out of the configuration score`,
      );
    }
    return warnings;
  }

  #warn(warning: string) {
    if (this.#warnings.length < MAX_WARNINGS) this.#warnings.push(warning);
    else this.#moreWarnings++;
  }

  /** Counts a report's tally in the scopes of what it is about. */
  #count(tally: ReportTally) {
    const placement = tally.target ? this.#place(tally.target) : undefined;
    const namespace = placement?.namespace ?? tally.namespace;
    for (const scope of this.#tallies.scopesOf(
      namespace,
      placement?.entityRef,
    )) {
      if (placement?.key) scope.workloads.add(placement.key);
      scope.add(tally.counts);
    }
  }

  /**
   * Places a raw finding on its workload and entity with its id. The raw
   * finding becomes the finding rather than being copied, what only placed
   * it set to undefined, which JSON leaves out.
   */
  #placeFinding(raw: RawFinding): Finding {
    const placement = this.#place(raw.target);
    const finding = raw as RawFinding & Finding;
    finding.id = this.#ids
      .start(
        raw.cluster,
        raw.source,
        raw.namespace,
        placement.workload?.kind,
        placement.workload?.name,
        raw.container,
      )
      .add(raw.checkId)
      .add(raw.resource)
      .add(raw.installedVersion)
      .add(raw.distinguishing)
      .id();
    finding.target = undefined;
    finding.distinguishing = undefined;
    if (placement.shown) finding.workload = placement.shown;
    if (placement.entityRef) finding.entityRef = placement.entityRef;
    return finding;
  }

  /** Places a target on its workload and entity; thousands of findings share one, so each is resolved once. */
  #place(target: ReportTarget | undefined): Placement {
    if (!target) return {};
    // The findings of a report share its target object.
    if (target === this.#lastTarget) return this.#lastPlacement!;
    const placed = this.#placeOnce(target);
    this.#lastTarget = target;
    this.#lastPlacement = placed;
    return placed;
  }

  #placeOnce(target: ReportTarget): Placement {
    let placement = this.#placed.get(target);
    if (!placement) {
      const workload = resolveWorkload(target, this.workloads);
      const entityRef = this.entities.entityFor(
        this.cluster,
        workload.namespace,
        this.#labelsOf.get(workload),
      );
      placement = {
        workload,
        shown: { kind: workload.kind, name: workload.name },
        key: targetKey(workload),
        ...(workload.namespace ? { namespace: workload.namespace } : {}),
        ...(entityRef ? { entityRef } : {}),
      };
      this.#placed.set(target, placement);
    }
    return placement;
  }
}

import { InputError } from '@backstage/errors';
import { AppInEnvironment, findApp, VersionSlot } from '../apps/findApp';
import { cachedRepository, RepositoryFiles } from '../files/RepositoryFiles';
import { overlayRepository } from '../files/overlayRepository';
import {
  renderEnvironment,
  RenderedEnvironment,
} from '../flux/renderEnvironment';
import { describeOrigin } from '../kustomize/Origin';
import { environmentNamed, GitopsLayout } from '../layouts/detectLayout';
import { unifiedDiff } from '../diff/unifiedDiff';
import {
  isExactVersion,
  meetsConstraint,
  sameVersion,
} from '../versions/compareVersions';
import { ChangedFile } from '../files/PlannedFiles';
import { planWrites, SlotWrite } from './planWrites';
import { differingValues } from './differingValues';

/**
 * What a promotion changes in one place the version is decided.
 *
 * @public
 */
export interface PromotionChange {
  /** `chart`, or `image:` and the path of an image tag in the Helm values. */
  slot: string;
  /** For people: "HelmRelease podinfo chart version". */
  label: string;
  /** The target environment's value before (undefined: unset). */
  before?: string;
  /** The value promoted. */
  after: string;
  /** Where it is written, like `apps/production/podinfo-values.yaml: spec.chart.spec.version`. */
  writtenAt: string;
}

/**
 * A promotion worked out against the repository, before anything is written.
 *
 * @public
 */
export interface PromotionPlan {
  /** The layout the repository was recognised as. */
  layout: string;
  /** The app promoted. */
  app: string;
  /** The source environment. */
  from: string;
  /** The target environment. */
  to: string;
  /** The source environment's version as declared, and the one promoted. */
  sourceVersion: { declared?: string; promoted: string; label: string };
  /** The target environment's chart or source version before. */
  targetVersion?: string;
  /** Each value that changes, and where. */
  changes: PromotionChange[];
  /** Every file edited or created, before and after. */
  files: ChangedFile[];
  /** A unified diff of every changed file. */
  diff: string;
  /** Facts worth saying in the pull request (a range pinned, an override added). */
  notes: string[];
  /** Helm values the environments set differently, left as the target has them. */
  valuesLeftAlone: string[];
}

/**
 * Options of a promotion plan.
 *
 * @public
 */
export interface PromotionOptions {
  /** The app: its HelmRelease or Flux Kustomization name. */
  app: string;
  /** The environment whose version is promoted. */
  from: string;
  /** The environment that receives it. */
  to: string;
  /**
   * The chart or source version the source environment runs, when its
   * repository declares a range ("\>=1.0.0-alpha"): what is promoted is the
   * version it runs, never the range.
   */
  runningVersion?: string;
}

/**
 * Works out a promotion of `app` from one environment to another: reads
 * where each environment's version is decided (base, overlay patch, values
 * patch, OCIRepository ref, image tags, postBuild variables) with the
 * semantics of kustomize and Flux, plans edits of the files the target
 * environment alone reads (or an override in its overlay when the value sits
 * in a shared base), then renders the target again to prove the edit takes
 * effect and the source environment is untouched.
 *
 * @public
 */
export async function planPromotion(
  repository: RepositoryFiles,
  layout: GitopsLayout,
  options: PromotionOptions,
): Promise<PromotionPlan> {
  if (layout.singleCluster) {
    throw new InputError(
      `The GitOps repository holds one cluster (${layout.environments[0].root}); there is no environment to promote ${options.app} to`,
    );
  }
  const repo = cachedRepository(repository);
  const fromEnvironment = environmentNamed(layout, options.from);
  const toEnvironment = environmentNamed(layout, options.to);
  const rendered = new Map<string, RenderedEnvironment>();
  for (const environment of layout.environments) {
    rendered.set(
      environment.name,
      await renderEnvironment(repo, environment.name, environment.root),
    );
  }
  const from = findApp(rendered.get(fromEnvironment.name)!, options.app);
  const to = findApp(rendered.get(toEnvironment.name)!, options.app);
  const othersRead = new Set(
    [...rendered.values()]
      .filter(e => e.name !== toEnvironment.name)
      .flatMap(e => [...e.files]),
  );

  const notes: string[] = [];
  const chart = from.slots[0];
  const promoted = promotedVersion(chart, options, notes);
  const writes: SlotWrite[] = [];
  for (const slot of from.slots) {
    const value = slot.id === 'chart' ? promoted : slot.value;
    if (value === undefined) continue;
    const target = to.slots.find(s => s.id === slot.id);
    if (target && !target.range && sameVersion(target.value, value)) continue;
    if (target?.range && slot.id === 'chart') {
      notes.push(
        `${options.to} followed the range ${
          target.value ?? 'any version'
        }; it is now pinned to ${value}.`,
      );
    }
    writes.push({ slot: target ?? imageSlotFor(to, slot), value });
  }
  const {
    files,
    changes,
    notes: writeNotes,
  } = await planWrites(repo, layout, to, writes, othersRead);
  notes.push(...writeNotes);

  // The plan is rendered again: the target must run what was promoted, and
  // no other environment may change.
  const planned = overlayRepository(
    repo,
    new Map(files.map(f => [f.path, f.after])),
  );
  const after = findApp(
    await renderEnvironment(planned, toEnvironment.name, toEnvironment.root),
    options.app,
  );
  for (const write of writes) {
    const now = after.slots.find(s => s.id === write.slot.id);
    if (!sameVersion(now?.value, write.value)) {
      throw new Error(
        `The planned edit of ${write.slot.label} does not take effect in ${
          options.to
        }: it would run ${now?.value ?? 'nothing'} instead of ${
          write.value
        }. Nothing was written.`,
      );
    }
  }
  for (const environment of layout.environments) {
    if (environment.name === toEnvironment.name) continue;
    const touched = files.filter(f =>
      rendered.get(environment.name)!.files.has(f.path),
    );
    if (touched.length) {
      throw new Error(
        `The planned edit would also change ${environment.name} (${touched
          .map(f => f.path)
          .join(', ')}). Nothing was written.`,
      );
    }
  }

  return {
    layout: layout.title,
    app: options.app,
    from: options.from,
    to: options.to,
    sourceVersion: { declared: chart.value, promoted, label: chart.label },
    targetVersion: to.slots[0].value,
    changes: changes.map(c => ({ ...c, writtenAt: describeOrigin(c.origin) })),
    files,
    diff: files.map(f => unifiedDiff(f.path, f.before, f.after)).join(''),
    notes,
    valuesLeftAlone: differingValues(from, to),
  };
}

/**
 * The version to promote: the source's own when it names one; the version
 * it runs when it declares a range that the running version meets.
 */
function promotedVersion(
  chart: VersionSlot,
  options: PromotionOptions,
  notes: string[],
): string {
  if (!chart.range && chart.value !== undefined) return chart.value;
  const declared = chart.value
    ? `the range ${chart.value}`
    : 'no version (the newest chart)';
  if (!options.runningVersion) {
    throw new InputError(
      `${options.from} declares ${declared} for ${chart.label}, so the version it runs must come from the cluster, and none is known. Promote once ${options.from} reports the version it runs.`,
    );
  }
  if (
    !isExactVersion(options.runningVersion) ||
    !meetsConstraint(options.runningVersion, chart.value)
  ) {
    throw new InputError(
      `${options.from} declares ${declared} for ${chart.label} but runs ${options.runningVersion}, which that does not allow; refusing to promote a version the repository does not declare.`,
    );
  }
  notes.push(
    `${options.from} declares ${declared} and runs ${options.runningVersion}; ${options.runningVersion} is what is promoted.`,
  );
  return options.runningVersion;
}

/** An image tag the target does not set yet: it goes where the target's HelmRelease values are. */
function imageSlotFor(to: AppInEnvironment, slot: VersionSlot): VersionSlot {
  return {
    ...slot,
    object: to.release,
    value: undefined,
    origin: undefined,
    substituted: undefined,
  };
}

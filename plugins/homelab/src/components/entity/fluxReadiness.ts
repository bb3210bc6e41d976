import { FluxObject } from '@homelab/plugin-homelab-common';

/**
 * Where a Flux object stands, as its row shows it and the readiness count
 * tallies it: suspended first (a paused object's Ready condition is stale),
 * then its Ready condition, ready only when also up to date.
 */
type FluxReadiness =
  | 'ready'
  | 'reconciling'
  | 'not-ready'
  | 'suspended'
  | 'unknown';

export function fluxReadiness(object: FluxObject): FluxReadiness {
  if (object.suspended) return 'suspended';
  if (object.ready === 'True') return object.upToDate ? 'ready' : 'reconciling';
  if (object.ready === 'False') return 'not-ready';
  return 'unknown';
}

const WORDS: Record<Exclude<FluxReadiness, 'ready'>, string> = {
  reconciling: 'reconciling',
  'not-ready': 'not ready',
  suspended: 'suspended',
  unknown: 'unknown',
};

/**
 * The readiness of a set of Flux objects of every kind in one line, like
 * "11 of 14 ready · 1 not ready · 2 suspended"; states no object is in are
 * left out.
 */
export function fluxReadinessSummary(objects: FluxObject[]): string {
  const counts = new Map<FluxReadiness, number>();
  for (const object of objects) {
    const state = fluxReadiness(object);
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  return [
    `${counts.get('ready') ?? 0} of ${objects.length} ready`,
    ...(Object.keys(WORDS) as Array<keyof typeof WORDS>)
      .filter(state => counts.has(state))
      .map(state => `${counts.get(state)} ${WORDS[state]}`),
  ].join(' · ');
}

/** Worst first: what needs attention leads the table. */
const ATTENTION: FluxReadiness[] = [
  'not-ready',
  'unknown',
  'reconciling',
  'suspended',
  'ready',
];

/** The objects with those that need attention first; the order is otherwise kept. */
export function failingFirst(objects: FluxObject[]): FluxObject[] {
  return objects
    .map((object, index) => ({ object, index }))
    .sort(
      (a, b) =>
        ATTENTION.indexOf(fluxReadiness(a.object)) -
          ATTENTION.indexOf(fluxReadiness(b.object)) || a.index - b.index,
    )
    .map(({ object }) => object);
}

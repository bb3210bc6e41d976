import { AppRelease, SourceFreshness } from '@homelab/plugin-homelab-common';

/** Why data cannot decide a gate: each source that is not fresh, with when and why. */
export const staleNote = (freshness: SourceFreshness[]) =>
  freshness
    .filter(f => f.state !== 'fresh')
    .map(
      f =>
        `${f.source}${f.cluster ? ` of ${f.cluster}` : ''} is ${f.state}${
          f.collectedAt ? ` (collected ${f.collectedAt})` : ''
        }${f.error ? `: ${f.error}` : ''}`,
    );

/** "HelmRelease flux-system/podinfo in staging". */
export const where = (r: AppRelease) =>
  `${r.kind} ${r.namespace}/${r.name} in ${r.cluster}`;

import { FLUX_KIND_ACTIONS, FluxKind } from '@homelab/plugin-homelab-common';

/** Every Flux kind the portal knows, as the tuple an input enum takes. */
export const FLUX_KIND_NAMES = Object.keys(FLUX_KIND_ACTIONS) as [
  FluxKind,
  ...FluxKind[],
];

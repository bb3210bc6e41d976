import { BlastRadiusEffect } from '@homelab/plugin-homelab-common';

/** Each effect in words, as a status (stopping is an error, running on less a warning), and what it means. */
export const EFFECTS: Record<
  BlastRadiusEffect,
  {
    label: string;
    status: 'ok' | 'warning' | 'error' | 'unknown';
    meaning: string;
  }
> = {
  down: {
    label: 'Down',
    status: 'error',
    meaning:
      'stops and stays down: no node is left to run it, or no control plane to start it elsewhere.',
  },
  interrupted: {
    label: 'Down until moved',
    status: 'error',
    meaning:
      'stops until Kubernetes starts it on a remaining node, once the lost nodes are marked unreachable (5 minutes by default).',
  },
  degraded: {
    label: 'Fewer pods',
    status: 'warning',
    meaning: 'keeps running on its remaining pods.',
  },
  moves: {
    label: 'Moves, keeps running',
    status: 'ok',
    meaning: 'drained to the remaining nodes before its own go; keeps running.',
  },
  unknown: {
    label: 'Placement unknown',
    status: 'unknown',
    meaning: 'where its pods run was not recorded.',
  },
};

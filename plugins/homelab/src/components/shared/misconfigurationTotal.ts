import { PostureSummary } from '@homelab/plugin-homelab-common';

/** Failed configuration checks of a summary, all severities together. */
export function misconfigurationTotal(summary: PostureSummary): number {
  return Object.values(summary.misconfigurations).reduce((a, b) => a + b, 0);
}

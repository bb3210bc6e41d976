import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { homelabPostureReadPermission } from '@homelab/plugin-homelab-common';
import { asPlain } from './asPlain';
import { HomelabActionContext } from './HomelabActionContext';
import { requirePermission } from './requirePermission';

/** homelab:get-posture: security posture summaries, as GET /posture/summaries answers. */
export function registerPostureAction(
  registry: ActionsRegistryService,
  context: HomelabActionContext,
) {
  registry.register({
    name: 'get-posture',
    title: 'Security posture of a cluster or entity',
    description:
      'The latest security posture summaries (score 0-100, vulnerability, configuration and policy ' +
      'scores, counts per severity) from Trivy Operator, Polaris and policy reports, per cluster, ' +
      'namespace or entity (an entity is summarised per cluster it runs in). Give a cluster or an ' +
      'entityRef to narrow it. A score is null when no report measured it.',
    schema: {
      input: z =>
        z.object({
          scope: z
            .enum(['cluster', 'namespace', 'entity'])
            .optional()
            .describe('Which summaries; all scopes without it'),
          cluster: z.string().optional().describe('A cluster name'),
          namespace: z.string().optional().describe('A namespace'),
          entityRef: z
            .string()
            .optional()
            .describe('Catalog ref, e.g. component:default/home-assistant'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z
              .object({
                scope: z.enum(['cluster', 'namespace', 'entity']),
                key: z.string(),
                cluster: z.string(),
                score: z.number().nullable(),
              })
              .passthrough(),
          ),
          freshness: z.array(z.object({}).passthrough()),
        }),
    },
    attributes: { readOnly: true, destructive: false, idempotent: true },
    async action({ input, credentials }) {
      await requirePermission(
        context.permissions,
        credentials,
        homelabPostureReadPermission,
      );
      const [items, freshness] = await Promise.all([
        context.store.posture.latestSummaries(input),
        context.freshness.read(['security']),
      ]);
      return { output: asPlain({ items, freshness }) };
    },
  });
}

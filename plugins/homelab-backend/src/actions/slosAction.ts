import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { homelabSloReadPermission } from '@homelab/plugin-homelab-common';
import { readSlos } from '../service/servedViews';
import { asPlain } from './asPlain';
import { HomelabActionContext } from './HomelabActionContext';
import { requirePermission } from './requirePermission';

/** homelab:get-slos: SLOs with their latest evaluation, as GET /slos answers. */
export function registerSlosAction(
  registry: ActionsRegistryService,
  context: HomelabActionContext,
) {
  registry.register({
    name: 'get-slos',
    title: 'SLOs of a homelab entity',
    description:
      'The service level objectives of an app (or of every app), each with its state ' +
      '(ok, warning, breaching, no-data, not-enough-data, stale, error), attainment, ' +
      'error budget left and burn rates from the last evaluation against Prometheus. ' +
      'A stale evaluation says so with the error: its values are not current.',
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .optional()
            .describe(
              'Catalog ref of the app, e.g. component:default/home-assistant; all SLOs without it',
            ),
        }),
      output: z =>
        z.object({
          items: z.array(
            z
              .object({
                slo: z.object({ id: z.string() }).passthrough(),
                state: z.string(),
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
        homelabSloReadPermission,
      );
      const { items, freshness } = await readSlos(context, input.entityRef);
      return { output: asPlain({ items, freshness }) };
    },
  });
}

import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { homelabDriftReadPermission } from '@homelab/plugin-homelab-common';
import { readDrift } from '../service/servedViews';
import { asPlain } from './asPlain';
import { HomelabActionContext } from './HomelabActionContext';
import { requirePermission } from './requirePermission';

/** homelab:get-drift: which version of each app runs in each environment, as GET /drift answers. */
export function registerDriftAction(
  registry: ActionsRegistryService,
  context: HomelabActionContext,
) {
  registry.register({
    name: 'get-drift',
    title: 'Release drift between environments',
    description:
      'Which version of each app (or of one app) runs in each environment, in promotion order ' +
      '(e.g. staging then production), from the Flux objects last collected: whether all run the same ' +
      'version, which environments are behind the one before them, and which do not run it at all.',
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .optional()
            .describe(
              'Catalog ref of the app, e.g. component:default/nextcloud, or of a platform service in one ' +
                'cluster, e.g. component:default/staging-flux (its apps in every cluster); every app without it',
            ),
        }),
      output: z =>
        z.object({
          environments: z
            .array(z.string())
            .describe('The environments in promotion order'),
          apps: z.array(
            z
              .object({
                app: z.string(),
                inSync: z.boolean(),
                behind: z.array(z.string()),
                missing: z.array(z.string()),
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
        homelabDriftReadPermission,
      );
      return { output: asPlain(await readDrift(context, input.entityRef)) };
    },
  });
}

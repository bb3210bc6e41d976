import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { homelabFluxReadPermission } from '@homelab/plugin-homelab-common';
import { asPlain } from './asPlain';
import { HomelabActionContext } from './HomelabActionContext';
import { requirePermission } from './requirePermission';
import { FLUX_KIND_NAMES } from './fluxKindNames';

/** homelab:get-flux-objects: Flux objects and their state, as GET /flux/objects answers. */
export function registerFluxObjectsAction(
  registry: ActionsRegistryService,
  context: HomelabActionContext,
) {
  registry.register({
    name: 'get-flux-objects',
    title: 'Flux objects of an app or cluster',
    description:
      'The Flux objects (sources, Kustomizations, HelmReleases, ...) the collector last read, with ' +
      'their Ready state, reason, applied and attempted revision and whether they are suspended; ' +
      'filtered by the app (entityRef), cluster, namespace or kind. Each cluster says whether ' +
      'changes to it can go through (a recorded snapshot is read-only).',
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .optional()
            .describe(
              'Catalog ref of the app, e.g. component:default/vaultwarden',
            ),
          cluster: z.string().optional().describe('A cluster name'),
          namespace: z.string().optional().describe('A namespace'),
          kind: z.enum(FLUX_KIND_NAMES).optional().describe('A Flux kind'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z
              .object({
                cluster: z.string(),
                kind: z.string(),
                namespace: z.string(),
                name: z.string(),
                ready: z.string(),
                suspended: z.boolean(),
              })
              .passthrough(),
          ),
          clusters: z.array(
            z
              .object({ cluster: z.string(), readOnly: z.boolean() })
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
        homelabFluxReadPermission,
      );
      const [items, freshness] = await Promise.all([
        context.store.flux.fluxObjects(input),
        context.freshness.read(['flux']),
      ]);
      const clusters = [...new Set(items.map(o => o.cluster))].map(name =>
        context.flux.access(name),
      );
      return { output: asPlain({ items, clusters, freshness }) };
    },
  });
}

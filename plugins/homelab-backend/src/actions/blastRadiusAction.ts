import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { homelabTopologyReadPermission } from '@homelab/plugin-homelab-common';
import { readBlastRadius } from '../blastRadius/readBlastRadius';
import { asPlain } from './asPlain';
import { HomelabActionContext } from './HomelabActionContext';
import { requirePermission } from './requirePermission';

/** homelab:get-blast-radius: what goes down with a resource, as GET /blast-radius answers. */
export function registerBlastRadiusAction(
  registry: ActionsRegistryService,
  context: HomelabActionContext,
) {
  registry.register({
    name: 'get-blast-radius',
    title: 'Blast radius of a homelab resource',
    description:
      'What goes down with a device, VM, network, storage, Kubernetes node or cluster of the homelab: ' +
      'machines that lose power or their network path, Kubernetes nodes lost, what each cluster keeps ' +
      '(etcd quorum), workloads and apps that stop or run on fewer pods, their SLOs. ' +
      'mode "failure" (default): the resource fails; "maintenance": it is drained first, so pods move. ' +
      'Worked out from the catalog relations and where pods ran at the last workload collection (see freshness).',
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Catalog ref of the resource, e.g. resource:default/rk1-1',
            ),
          mode: z
            .enum(['failure', 'maintenance'])
            .default('failure')
            .describe('A failure, or planned maintenance (drained first)'),
        }),
      output: z =>
        z.object({
          blastRadius: z
            .object({
              subject: z.object({
                entityRef: z.string(),
                title: z.string(),
                type: z.string(),
              }),
              mode: z.enum(['failure', 'maintenance']),
              summary: z.string().describe('One sentence for people'),
              down: z.array(z.object({}).passthrough()),
              cutOff: z.array(z.object({}).passthrough()),
              nodes: z.array(z.object({}).passthrough()),
              clusters: z.array(z.object({}).passthrough()),
              workloads: z.array(z.object({}).passthrough()),
              apps: z.array(z.object({}).passthrough()),
              slos: z.array(z.object({}).passthrough()),
              freshness: z.array(z.object({}).passthrough()),
              generatedAt: z.string(),
            })
            .passthrough(),
        }),
    },
    attributes: { readOnly: true, destructive: false, idempotent: true },
    async action({ input, credentials }) {
      await requirePermission(
        context.permissions,
        credentials,
        homelabTopologyReadPermission,
      );
      const blastRadius = await readBlastRadius(
        context,
        input.entityRef,
        input.mode,
      );
      return { output: { blastRadius: asPlain(blastRadius) } };
    },
  });
}

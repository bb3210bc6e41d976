import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { homelabFluxReconcilePermission } from '@homelab/plugin-homelab-common';
import { printable } from '../service/printable';
import { FLUX_KIND_NAMES } from './fluxKindNames';
import { asPlain } from './asPlain';
import { HomelabActionContext } from './HomelabActionContext';
import { requirePermission } from './requirePermission';

/**
 * homelab:reconcile-flux-object: asks Flux to reconcile an object now, as
 * POST /flux/objects/.../reconcile does, under the same permission and
 * audited the same way (the event names who asked, since there is no HTTP
 * request of theirs to take it from).
 */
export function registerReconcileFluxAction(
  registry: ActionsRegistryService,
  context: HomelabActionContext,
) {
  registry.register({
    name: 'reconcile-flux-object',
    title: 'Reconcile a Flux object',
    description:
      'Asks the Flux controllers to reconcile one object now, as `flux reconcile` does (sets the ' +
      'reconcile.fluxcd.io/requestedAt annotation in the cluster). Changes the cluster: the controller ' +
      'fetches its source again and applies what it finds. Needs the homelab.flux.reconcile permission; ' +
      'refused for recorded (read-only) clusters and for ExternalArtifact. Find the object with get-flux-objects first.',
    schema: {
      input: z =>
        z.object({
          cluster: z.string().describe('The cluster name'),
          kind: z.enum(FLUX_KIND_NAMES).describe('The Flux kind'),
          namespace: z.string().describe('The namespace, e.g. flux-system'),
          name: z.string().describe('The object name'),
        }),
      output: z =>
        z.object({
          object: z
            .object({
              cluster: z.string(),
              kind: z.string(),
              namespace: z.string(),
              name: z.string(),
              ready: z.string(),
            })
            .passthrough(),
        }),
    },
    attributes: { readOnly: false, destructive: true, idempotent: false },
    async action({ input, credentials }) {
      const principal = credentials.principal as {
        type?: string;
        userEntityRef?: string;
        subject?: string;
      };
      const event = await context.auditor.createEvent({
        eventId: 'flux-object-change',
        severityLevel: 'medium',
        // Names come from the caller: an audit entry must not echo them raw.
        meta: {
          action: 'reconcile',
          via: 'actions-registry',
          actor: printable(
            principal.userEntityRef ?? principal.subject ?? 'unknown',
          ),
          cluster: printable(input.cluster),
          kind: printable(input.kind),
          namespace: printable(input.namespace),
          name: printable(input.name),
        },
      });
      try {
        await requirePermission(
          context.permissions,
          credentials,
          homelabFluxReconcilePermission,
        );
        const object = await context.flux.reconcile(input, new Date());
        await event.success();
        return { output: { object: asPlain(object) } };
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  });
}

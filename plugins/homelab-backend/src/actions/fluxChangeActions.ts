import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  FluxObject,
  homelabFluxReconcilePermission,
  homelabFluxSuspendPermission,
} from '@homelab/plugin-homelab-common';
import { FluxActions, FluxObjectRef } from '../flux/FluxActions';
import { printable } from '../service/printable';
import { asPlain } from './asPlain';
import { FLUX_KIND_NAMES } from './fluxKindNames';
import { HomelabActionContext } from './HomelabActionContext';
import { requirePermission } from './requirePermission';

/** A change an agent makes to a Flux object, as the REST API's POST /flux/objects/.../{change} makes it. */
interface FluxChangeAction {
  name: string;
  title: string;
  description: string;
  permission: BasicPermission;
  /** Whether doing it twice leaves the object as doing it once. */
  idempotent: boolean;
  apply(flux: FluxActions, ref: FluxObjectRef, now: Date): Promise<FluxObject>;
}

const FIND_FIRST =
  'Refused for recorded (read-only) clusters and for ExternalArtifact. Find the object with get-flux-objects first.';

/** The Flux changes, by change name (the audit event's `action`, as for the REST routes). */
const FLUX_CHANGE_ACTIONS: Record<string, FluxChangeAction> = {
  reconcile: {
    name: 'reconcile-flux-object',
    title: 'Reconcile a Flux object',
    description:
      'Asks the Flux controllers to reconcile one object now, as `flux reconcile` does (sets the ' +
      'reconcile.fluxcd.io/requestedAt annotation in the cluster). Changes the cluster: the controller ' +
      `fetches its source again and applies what it finds. Needs homelab.flux.reconcile. ${FIND_FIRST}`,
    permission: homelabFluxReconcilePermission,
    idempotent: false,
    apply: (flux, ref, now) => flux.reconcile(ref, now),
  },
  suspend: {
    name: 'suspend-flux-object',
    title: 'Suspend a Flux object',
    description:
      'Stops Flux reconciling one object, as `flux suspend` does (spec.suspend, or the reconcile annotation ' +
      'of ArtifactGenerators, FluxInstances and ResourceSets): changes in Git are no longer applied until it ' +
      `is resumed. Needs homelab.flux.suspend. ${FIND_FIRST}`,
    permission: homelabFluxSuspendPermission,
    idempotent: true,
    apply: (flux, ref, now) => flux.setSuspended(ref, true, now),
  },
  resume: {
    name: 'resume-flux-object',
    title: 'Resume a Flux object',
    description:
      'Lets Flux reconcile a suspended object again, as `flux resume` does; it then applies what Git holds now. ' +
      `Needs homelab.flux.suspend. ${FIND_FIRST}`,
    permission: homelabFluxSuspendPermission,
    idempotent: false,
    apply: (flux, ref, now) => flux.setSuspended(ref, false, now),
  },
};

/**
 * homelab:reconcile-flux-object, suspend-flux-object and resume-flux-object:
 * under the REST routes' permissions and audited as they are, the event
 * naming who asked (there is no HTTP request of theirs to take it from).
 */
export function registerFluxChangeActions(
  registry: ActionsRegistryService,
  context: HomelabActionContext,
) {
  for (const [change, action] of Object.entries(FLUX_CHANGE_ACTIONS)) {
    registry.register({
      name: action.name,
      title: action.title,
      description: action.description,
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
                suspended: z.boolean(),
              })
              .passthrough(),
          }),
      },
      attributes: {
        readOnly: false,
        destructive: true,
        idempotent: action.idempotent,
      },
      async action({ input, credentials }) {
        const principal = credentials.principal as {
          userEntityRef?: string;
          subject?: string;
        };
        const event = await context.auditor.createEvent({
          eventId: 'flux-object-change',
          severityLevel: 'medium',
          // Names come from the caller: an audit entry must not echo them raw.
          meta: {
            action: change,
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
            action.permission,
          );
          const object = await action.apply(context.flux, input, new Date());
          await event.success();
          return { output: { object: asPlain(object) } };
        } catch (error) {
          await event.fail({ error: error as Error });
          throw error;
        }
      },
    });
  }
}

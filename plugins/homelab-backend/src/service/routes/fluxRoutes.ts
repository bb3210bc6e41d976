import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  FluxObject,
  homelabFluxReadPermission,
  homelabFluxReconcilePermission,
  homelabFluxSuspendPermission,
} from '@homelab/plugin-homelab-common';
import { FluxActions, FluxObjectRef } from '../../flux/FluxActions';
import { printable } from '../printable';
import { RouteGroup } from './HomelabApiRouter';

/** A change the portal makes to a Flux object: the permission it needs, and how it is made. */
interface FluxChange {
  permission: BasicPermission;
  apply(flux: FluxActions, ref: FluxObjectRef, now: Date): Promise<FluxObject>;
}

/** Every change, by the last segment of its path: POST /flux/objects/{cluster}/{kind}/{namespace}/{name}/{change}. */
const FLUX_CHANGES = {
  reconcile: {
    permission: homelabFluxReconcilePermission,
    apply: (flux, ref, now) => flux.reconcile(ref, now),
  },
  suspend: {
    permission: homelabFluxSuspendPermission,
    apply: (flux, ref, now) => flux.setSuspended(ref, true, now),
  },
  resume: {
    permission: homelabFluxSuspendPermission,
    apply: (flux, ref, now) => flux.setSuspended(ref, false, now),
  },
} satisfies Record<string, FluxChange>;
type FluxChangeName = keyof typeof FLUX_CHANGES;

/** Flux objects, and the changes operators make to them, each permission-checked and audited. */
export const fluxRoutes: RouteGroup = (router, context) => {
  const { store, freshness, flux, authorization, auditor } = context;

  router.get('/flux/objects', async (req, res) => {
    await authorization.require(req, homelabFluxReadPermission);
    const { cluster, namespace, entityRef, kind } = req.query;
    const [items, sources] = await Promise.all([
      store.flux.fluxObjects({ cluster, namespace, entityRef, kind }),
      freshness.read(['flux']),
    ]);
    const clusters = [...new Set(items.map(o => o.cluster))].map(name =>
      flux.access(name),
    );
    res.json({ items, clusters, freshness: sources });
  });

  for (const action of Object.keys(FLUX_CHANGES) as FluxChangeName[]) {
    const change: FluxChange = FLUX_CHANGES[action];
    const path =
      `/flux/objects/:cluster/:kind/:namespace/:name/${action}` as const;
    router.post(path, async (req, res) => {
      const ref = { ...req.params };
      const event = await auditor.createEvent({
        eventId: 'flux-object-change',
        severityLevel: 'medium',
        request: req,
        // Names come from the request: an audit entry must not echo them raw.
        meta: {
          action,
          cluster: printable(ref.cluster),
          kind: printable(ref.kind),
          namespace: printable(ref.namespace),
          name: printable(ref.name),
        },
      });
      try {
        await authorization.require(req, change.permission);
        const object = await change.apply(flux, ref, new Date());
        await event.success();
        res.json({ object });
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    });
  }
};

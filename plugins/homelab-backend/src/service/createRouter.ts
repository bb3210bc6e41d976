import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  FluxObject,
  SloStatus,
  SourceFreshness,
  homelabDriftReadPermission,
  homelabFluxReadPermission,
  homelabFluxReconcilePermission,
  homelabFluxSuspendPermission,
  homelabPostureReadPermission,
  homelabSloReadPermission,
  homelabTopologyReadPermission,
} from '@homelab/plugin-homelab-common';
import { Request, Response } from 'express';
import { HomelabStore } from '../database/HomelabStore';
import { StoredSlo } from '../database/SloStore';
import { computeDrift } from '../drift/computeDrift';
import { FluxActions, FluxObjectRef } from '../flux/FluxActions';
import { createOpenApiRouter } from '../schema/openapi';
import { CachedViews } from './cachedViews';

/** Findings per page when the request does not say. */
export const DEFAULT_FINDINGS_LIMIT = 50;
/** Days of posture trend when the request does not say. */
export const DEFAULT_TREND_DAYS = 30;

/** Everything the homelab REST API serves from. */
export interface RouterOptions {
  store: HomelabStore;
  views: CachedViews;
  flux: FluxActions;
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  /** Checks every answer against the OpenAPI spec too; for tests. */
  validateResponses?: boolean;
}

/**
 * The SLO as served: values of an evaluation that is no longer current are
 * marked stale with the collector's error, never shown as current.
 */
function sloAsServed(
  { definition, status }: StoredSlo,
  freshness: SourceFreshness | undefined,
  withSeries: boolean,
): SloStatus {
  const { series, ...rest } = status;
  const served: SloStatus = {
    slo: definition,
    ...rest,
    ...(withSeries ? { series: series ?? [] } : {}),
  };
  if (freshness?.state === 'stale') {
    return { ...served, state: 'stale', error: freshness.error };
  }
  return served;
}

/** The homelab REST API, typed and validated by src/schema/openapi.yaml. */
export async function createRouter(options: RouterOptions) {
  const { store, flux, permissions, httpAuth, auditor } = options;
  const router = await createOpenApiRouter(
    options.validateResponses
      ? { validatorOptions: { validateResponses: true } }
      : undefined,
  );

  const authorize = async (
    request: Request<any, any, any, any>,
    permission: BasicPermission,
  ) => {
    const credentials = await httpAuth.credentials(request);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  };

  router.get('/freshness', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    // Anyone who may read any of the homelab's data may see how fresh it is.
    const decisions = await permissions.authorize(
      [
        homelabPostureReadPermission,
        homelabSloReadPermission,
        homelabFluxReadPermission,
        homelabTopologyReadPermission,
      ].map(permission => ({ permission })),
      { credentials },
    );
    if (decisions.every(d => d.result !== AuthorizeResult.ALLOW)) {
      throw new NotAllowedError('Not allowed to read homelab data');
    }
    res.json({ sources: await store.collections.freshness() });
  });

  router.get('/topology', async (req, res) => {
    await authorize(req, homelabTopologyReadPermission);
    // The graph is kept serialised, so that it is not serialised per request.
    (res as Response)
      .type('application/json')
      .send(await options.views.topology.get());
  });

  router.get('/posture/summaries', async (req, res) => {
    await authorize(req, homelabPostureReadPermission);
    const { scope, cluster, namespace, entityRef } = req.query;
    const [items, freshness] = await Promise.all([
      store.posture.latestSummaries({ scope, cluster, namespace, entityRef }),
      store.collections.freshness(['security']),
    ]);
    res.json({ items, freshness });
  });

  router.get('/posture/findings', async (req, res) => {
    await authorize(req, homelabPostureReadPermission);
    const { cluster, namespace, entityRef, severity, source, search } =
      req.query;
    const offset = req.query.offset ?? 0;
    const limit = req.query.limit ?? DEFAULT_FINDINGS_LIMIT;
    const [page, freshness] = await Promise.all([
      store.posture.findings(
        {
          cluster,
          namespace,
          entityRef,
          search,
          severities: severity ? [...severity] : undefined,
          sources: source ? [...source] : undefined,
        },
        { offset, limit },
      ),
      store.collections.freshness(['security']),
    ]);
    res.json({ ...page, offset, limit, freshness });
  });

  router.get('/posture/trend', async (req, res) => {
    await authorize(req, homelabPostureReadPermission);
    const days = req.query.days ?? DEFAULT_TREND_DAYS;
    const since = new Date(Date.now() - days * 86_400_000);
    const [points, freshness] = await Promise.all([
      store.posture.postureTrend(req.query.scope, req.query.key, since),
      store.collections.freshness(['security']),
    ]);
    res.json({ points, freshness });
  });

  router.get('/slos', async (req, res) => {
    await authorize(req, homelabSloReadPermission);
    const [slos, freshness] = await Promise.all([
      store.slos.slos({ entityRef: req.query.entityRef }),
      store.collections.freshness(['slo']),
    ]);
    res.json({
      items: slos.map(slo => sloAsServed(slo, freshness[0], false)),
      freshness,
    });
  });

  router.get('/slos/:id', async (req, res) => {
    await authorize(req, homelabSloReadPermission);
    const [slo, freshness] = await Promise.all([
      store.slos.slo(req.params.id),
      store.collections.freshness(['slo']),
    ]);
    if (!slo) throw new NotFoundError(`No SLO with id ${req.params.id}`);
    res.json({ slo: sloAsServed(slo, freshness[0], true), freshness });
  });

  router.get('/flux/objects', async (req, res) => {
    await authorize(req, homelabFluxReadPermission);
    const { cluster, namespace, entityRef, kind } = req.query;
    const [items, freshness] = await Promise.all([
      store.flux.fluxObjects({ cluster, namespace, entityRef, kind }),
      store.collections.freshness(['flux']),
    ]);
    res.json({ items, freshness });
  });

  /** Runs a Flux change with its permission checked and the attempt audited. */
  const fluxAction = async (
    req: Request<any, any, any, any>,
    action: 'reconcile' | 'suspend' | 'resume',
    ref: FluxObjectRef,
    change: () => Promise<FluxObject>,
  ) => {
    const event = await auditor.createEvent({
      eventId: 'flux-object-change',
      severityLevel: 'medium',
      request: req,
      meta: { action, ...ref },
    });
    try {
      await authorize(
        req,
        action === 'reconcile'
          ? homelabFluxReconcilePermission
          : homelabFluxSuspendPermission,
      );
      const object = await change();
      await event.success();
      return { object };
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };

  router.post(
    '/flux/objects/:cluster/:kind/:namespace/:name/reconcile',
    async (req, res) => {
      const ref = { ...req.params };
      res.json(
        await fluxAction(req, 'reconcile', ref, () =>
          flux.reconcile(ref, new Date()),
        ),
      );
    },
  );

  router.post(
    '/flux/objects/:cluster/:kind/:namespace/:name/suspend',
    async (req, res) => {
      const ref = { ...req.params };
      res.json(
        await fluxAction(req, 'suspend', ref, () =>
          flux.setSuspended(ref, true, new Date()),
        ),
      );
    },
  );

  router.post(
    '/flux/objects/:cluster/:kind/:namespace/:name/resume',
    async (req, res) => {
      const ref = { ...req.params };
      res.json(
        await fluxAction(req, 'resume', ref, () =>
          flux.setSuspended(ref, false, new Date()),
        ),
      );
    },
  );

  router.get('/drift', async (req, res) => {
    await authorize(req, homelabDriftReadPermission);
    const [model, objects, freshness] = await Promise.all([
      options.views.model.get(),
      store.flux.fluxObjects(),
      store.collections.freshness(['flux']),
    ]);
    const apps = computeDrift(
      objects,
      model.clusterEnvironments,
      model.environmentOrder,
    ).filter(
      app => !req.query.entityRef || app.entityRef === req.query.entityRef,
    );
    res.json({
      environments: model.environmentOrder,
      apps,
      freshness,
    });
  });

  return router;
}

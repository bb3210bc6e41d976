import type { ApiRouter } from '@backstage/backend-openapi-utils';
import {
  AuditorService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CapacityReport, PowerReport } from '@homelab/plugin-homelab-common';
import { ServedRecovery } from '../../backups/servedRecovery';
import { PromotionSettings } from '../../config';
import { HomelabStore } from '../../database/HomelabStore';
import { FluxActions } from '../../flux/FluxActions';
import { spec } from '../../schema/openapi';
import { CachedViews } from '../cachedViews';
import { FreshnessReader } from '../FreshnessReader';
import { RefreshingCache } from '../RefreshingCache';
import { RequestAuthorization } from '../RequestAuthorization';

/** The router typed by src/schema/openapi.yaml: each route's request and answer are the spec's. */
export type HomelabApiRouter = ApiRouter<typeof spec>;

/** What the routes serve from and act through. */
export interface RouteContext {
  store: HomelabStore;
  /** Freshness as served: stale once older than its schedule allows. */
  freshness: FreshnessReader;
  views: CachedViews;
  /** The power report, rebuilt in the background. */
  power: RefreshingCache<PowerReport>;
  /** The capacity report, rebuilt in the background. */
  capacity: RefreshingCache<CapacityReport>;
  flux: FluxActions;
  /** Backups and certificates, judged when read. */
  recovery: ServedRecovery;
  authorization: RequestAuthorization;
  auditor: AuditorService;
  /** The GitOps repository and gates the promotion preview reads. */
  promotion: PromotionSettings;
  urlReader: UrlReaderService;
}

/** Adds one area's routes to the API. */
export type RouteGroup = (
  router: HomelabApiRouter,
  context: RouteContext,
) => void;

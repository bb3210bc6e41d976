import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { HomelabStore } from '../database/HomelabStore';
import { FluxActions } from '../flux/FluxActions';
import { CachedViews } from '../service/cachedViews';
import { FreshnessReader } from '../service/FreshnessReader';

/** What the homelab actions read from and act through: the same parts the REST API uses. */
export interface HomelabActionContext {
  store: HomelabStore;
  freshness: FreshnessReader;
  views: CachedViews;
  flux: FluxActions;
  permissions: PermissionsService;
  auditor: AuditorService;
}

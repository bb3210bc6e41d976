import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { HomelabStore } from '../database/HomelabStore';
import { SharedViews } from '../service/sharedViews';

/** What the homelab actions read from and act through: the same parts the REST API uses. */
export interface HomelabActionContext extends SharedViews {
  store: HomelabStore;
  permissions: PermissionsService;
  auditor: AuditorService;
}

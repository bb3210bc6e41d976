import {
  homelabBackupReadPermission,
  homelabPostureReadPermission,
  homelabSloReadPermission,
} from '@homelab/plugin-homelab-common';
import { PromotionGateData } from '@homelab/plugin-homelab-node';
import { Request } from 'express';
import { RouteContext } from '../service/routes/HomelabApiRouter';
import {
  readCriticalFindings,
  readDrift,
  readSlos,
} from '../service/servedViews';

/**
 * The gates' data as this backend serves it to the caller of a request:
 * what GET /drift, /posture/findings, /slos and /backups answer, each under its own
 * read permission, so a gate the caller may not see is undecided.
 */
export function servedGateData(
  context: RouteContext,
  request: Request<any, any, any, any>,
): PromotionGateData {
  return {
    drift: () => readDrift(context),
    criticalFindings: async (cluster, namespace) => {
      await context.authorization.require(
        request,
        homelabPostureReadPermission,
      );
      return readCriticalFindings(context, cluster, namespace);
    },
    slos: async () => {
      await context.authorization.require(request, homelabSloReadPermission);
      return readSlos(context);
    },
    backups: async (cluster, namespace) => {
      await context.authorization.require(request, homelabBackupReadPermission);
      const freshness = await context.freshness.read(['backups']);
      const items = await context.recovery.backupSets(
        { cluster, namespace },
        freshness,
        new Date(),
      );
      return { items, freshness };
    },
  };
}

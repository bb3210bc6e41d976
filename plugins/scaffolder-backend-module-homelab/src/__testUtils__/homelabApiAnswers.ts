import { mockServices } from '@backstage/backend-test-utils';
import { Config } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createFluxPromoteAction } from '../actions/fluxPromoteAction';

const HOUR = 3_600_000;

/**
 * What homelab-backend answers (/drift, /posture/findings, /slos) when
 * staging runs each app at the version given, Ready since `readyHoursAgo`
 * and fresh, with no critical finding, and the given SLOs.
 */
export function homelabAnswers(options: {
  running: Record<string, string>;
  readyHoursAgo: number;
  slos?: unknown[];
}) {
  const since = new Date(
    Date.now() - options.readyHoursAgo * HOUR,
  ).toISOString();
  return {
    '/api/homelab/drift': {
      environments: ['staging', 'production'],
      apps: Object.entries(options.running).map(([app, version]) => ({
        app,
        inSync: false,
        behind: ['production'],
        missing: [],
        releases: [
          {
            environment: 'staging',
            cluster: 'staging',
            kind: 'HelmRelease',
            namespace: app,
            name: app,
            version,
            ready: 'True',
            readySince: since,
            deployedAt: since,
          },
        ],
      })),
      freshness: [{ source: 'flux', cluster: 'staging', state: 'fresh' }],
    },
    '/api/homelab/posture/findings': {
      items: [],
      total: 0,
      offset: 0,
      limit: 500,
      freshness: [],
    },
    '/api/homelab/slos': {
      items: options.slos ?? [],
      freshness: [{ source: 'slo', state: 'fresh' }],
    },
  };
}

/** homelab:flux:promote asking the homelab API at `url`, for a user the permission policy allows or denies. */
export function promoteActionFor(
  config: Config,
  url: string,
  decision:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result: decision }]);
  return createFluxPromoteAction({
    config,
    discovery: {
      getBaseUrl: async () => url,
      getExternalBaseUrl: async () => url,
    },
    auth: mockServices.auth(),
    permissions,
  });
}

import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  AppDrift,
  homelabReleasePromotePermission,
} from '@homelab/plugin-homelab-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { scaffolderTemplateRouteRef } from '../../routes';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { StatusChip } from '../shared/StatusChip';
import { pendingCard } from './pendingCard';

/** The template the Promote button opens, prefilled: templates/promote-release. */
const PROMOTION_TEMPLATE = {
  namespace: 'default',
  templateName: 'promote-release',
};

function Promote(props: { app: AppDrift; environment: string; from: string }) {
  const template = useRouteRef(scaffolderTemplateRouteRef);
  if (!template) return null;
  const formData = JSON.stringify({
    app: props.app.app,
    from: `system:default/${props.from}`,
    to: `system:default/${props.environment}`,
  });
  return (
    <Button
      size="small"
      variant="outlined"
      color="primary"
      href={`${template(PROMOTION_TEMPLATE)}?formData=${encodeURIComponent(
        formData,
      )}`}
    >
      Promote from {props.from}
    </Button>
  );
}

/**
 * Which version of the entity's app each environment runs, in promotion
 * order; an environment behind the one before it offers "Promote", which
 * opens the promotion template filled in. Shows nothing when no
 * environment runs the app.
 */
export function EntityDriftCard() {
  const { entity } = useEntity();
  const api = useApi(homelabApiRef);
  const canPromote = usePermission({
    permission: homelabReleasePromotePermission,
  }).allowed;
  const entityRef = stringifyEntityRef(entity);
  const drift = useAsyncRetry(
    () => api.getDrift({ entityRef }),
    [api, entityRef],
  );
  const pending = pendingCard('Environments', drift);
  if (pending) return pending;
  const apps = drift.value?.apps ?? [];
  if (!apps.length) return null;
  return (
    <InfoCard title="Environments">
      <FreshnessNotice freshness={drift.value!.freshness} />
      {apps.map(app => (
        <div key={app.app}>
          <Typography variant="subtitle2">
            {app.app}:{' '}
            {app.inSync
              ? 'the same version everywhere'
              : [
                  app.behind.length ? `${app.behind.join(', ')} behind` : '',
                  app.missing.length ? `not in ${app.missing.join(', ')}` : '',
                ]
                  .filter(Boolean)
                  .join('; ') || 'versions differ'}
          </Typography>
          <Table size="small" aria-label={`${app.app} by environment`}>
            <TableHead>
              <TableRow>
                <TableCell>Environment</TableCell>
                <TableCell>Version</TableCell>
                <TableCell>State</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {app.releases.map((release, i) => (
                <TableRow key={`${release.environment}/${release.cluster}`}>
                  <TableCell>
                    {release.environment}
                    <Typography
                      variant="caption"
                      component="div"
                      color="textSecondary"
                    >
                      {release.cluster}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {release.version ?? '—'}
                    {release.appVersion && (
                      <Typography
                        variant="caption"
                        component="div"
                        color="textSecondary"
                      >
                        app {release.appVersion}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <StatusChip
                      status={
                        {
                          True: 'ok' as const,
                          False: 'error' as const,
                          Unknown: 'unknown' as const,
                        }[release.ready]
                      }
                      label={
                        {
                          True: 'Ready',
                          False: 'Not ready',
                          Unknown: 'Unknown',
                        }[release.ready]
                      }
                    />
                  </TableCell>
                  <TableCell>
                    {canPromote &&
                      i > 0 &&
                      app.behind.includes(release.environment) && (
                        <Promote
                          app={app}
                          environment={release.environment}
                          from={app.releases[i - 1].environment}
                        />
                      )}
                  </TableCell>
                </TableRow>
              ))}
              {app.missing.map(environment => (
                <TableRow key={environment}>
                  <TableCell>{environment}</TableCell>
                  <TableCell colSpan={3}>not deployed</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
    </InfoCard>
  );
}

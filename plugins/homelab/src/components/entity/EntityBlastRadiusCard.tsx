import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { BlastRadiusMode } from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { formatTime } from '../shared/formatTime';
import { BlastRadiusApps } from './blastRadius/BlastRadiusApps';
import {
  BlastRadiusDetails,
  ClusterVerdicts,
} from './blastRadius/BlastRadiusDetails';
import { pendingCard } from './pendingCard';

const TITLE = 'Blast radius';

/**
 * What goes down with this resource, in a failure or a planned maintenance:
 * clusters' control plane and etcd, machines, nodes, workloads and apps,
 * Longhorn volumes and SLOs, worked out by the homelab backend from the
 * catalog's relations and where the latest snapshots place each pod.
 */
export function EntityBlastRadiusCard() {
  const { entity } = useEntity();
  const api = useApi(homelabApiRef);
  const entityRef = stringifyEntityRef(entity);
  const [mode, setMode] = useState<BlastRadiusMode>('failure');
  const radius = useAsyncRetry(
    () => api.getBlastRadius({ entityRef, mode }),
    [api, entityRef, mode],
  );
  const pending = pendingCard(TITLE, radius);
  if (pending) return pending;
  const value = radius.value!;
  return (
    <InfoCard
      title={TITLE}
      subheader={`If ${value.subject.title} ${
        mode === 'failure' ? 'fails' : 'is taken down for maintenance'
      }`}
      action={
        <ToggleButtonGroup
          exclusive
          size="small"
          value={mode}
          aria-label="Kind of outage"
          onChange={(_, next: BlastRadiusMode | null) => next && setMode(next)}
        >
          <ToggleButton value="failure">Failure</ToggleButton>
          <ToggleButton value="maintenance">Maintenance</ToggleButton>
        </ToggleButtonGroup>
      }
    >
      <FreshnessNotice freshness={value.freshness} />
      <Typography variant="body1" paragraph>
        {value.summary}
      </Typography>
      <ClusterVerdicts radius={value} />
      <BlastRadiusDetails radius={value} />
      <BlastRadiusApps radius={value} />
      <Typography variant="caption" color="textSecondary" component="p">
        {`Worked out ${formatTime(
          value.generatedAt,
        )} from the catalog's relations and where the latest workload snapshots place each pod. Longhorn verdicts follow from each class's replica count, not from live volumes.`}
      </Typography>
    </InfoCard>
  );
}

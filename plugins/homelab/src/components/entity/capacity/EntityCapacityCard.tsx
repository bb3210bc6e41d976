import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  CapacityFigure,
  CapacityResource,
  ClusterCapacity,
} from '@homelab/plugin-homelab-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../../api/HomelabApi';
import { FreshnessNotice } from '../../shared/FreshnessNotice';
import { formatTime } from '../../shared/formatTime';
import { pendingCard } from '../pendingCard';
import { CapacityBar } from './CapacityBar';
import { RESOURCE_NAMES } from './capacityText';

const TITLE = 'Capacity';
const RESOURCES: CapacityResource[] = ['cpu', 'memory', 'pods', 'storage'];

const figureOf = (figures: CapacityFigure[], resource: CapacityResource) =>
  figures.find(f => f.resource === resource);

/** One resource: the cluster's bar, then each node's, and where use comes from. */
function ResourceSection(props: {
  cluster: ClusterCapacity;
  resource: CapacityResource;
}) {
  const { cluster, resource } = props;
  const total = figureOf(cluster.figures, resource);
  if (!total) return null;
  return (
    <Box component="section" mb={2}>
      <Typography variant="h6" component="h3">
        {RESOURCE_NAMES[resource]}
        {total.targetPercent !== undefined
          ? ` (target ${total.targetPercent}%)`
          : ''}
      </Typography>
      <CapacityBar label="Cluster" figure={total} />
      {cluster.nodes.map(node => {
        const figure = figureOf(node.figures, resource);
        return figure ? (
          <Box key={node.name} mt={1}>
            <CapacityBar label={node.name} figure={figure} />
          </Box>
        ) : null;
      })}
      <Typography variant="caption" color="textSecondary" component="p">
        {`Use: ${total.useBasis}. Allocatable and requests from ${formatTime(
          total.observedAt ?? undefined,
        )}; use measured ${formatTime(total.measuredAt ?? undefined)}.`}
      </Typography>
    </Box>
  );
}

/**
 * A cluster's headroom per node: requests and use against allocatable CPU,
 * memory, pods and storage, the inventory's target marked, with the trend
 * to full; from the homelab backend's capacity report.
 */
export function EntityCapacityCard() {
  const { entity } = useEntity();
  const api = useApi(homelabApiRef);
  const entityRef = stringifyEntityRef(entity);
  const capacity = useAsyncRetry(() => api.getCapacity(), [api]);
  const pending = pendingCard(TITLE, capacity);
  if (pending) return pending;
  const { capacity: report, freshness } = capacity.value!;
  const cluster = report.clusters.find(
    c => c.entityRef === entityRef || c.cluster === entity.metadata.name,
  );
  return (
    <InfoCard
      title={TITLE}
      subheader="Requests (pale) and use (dark) against allocatable; the red mark is the inventory's target"
    >
      <FreshnessNotice
        freshness={freshness.filter(
          f => !f.cluster || f.cluster === cluster?.cluster,
        )}
      />
      {cluster ? (
        RESOURCES.map(resource => (
          <ResourceSection
            key={resource}
            cluster={cluster}
            resource={resource}
          />
        ))
      ) : (
        <Typography variant="body2">
          Nothing collected from this cluster yet: its capacity is not known.
        </Typography>
      )}
    </InfoCard>
  );
}

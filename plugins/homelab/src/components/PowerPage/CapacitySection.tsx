import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CapacityResource,
  HypervisorCapacity,
} from '@homelab/plugin-homelab-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { CapacityBar } from '../entity/capacity/CapacityBar';
import { RESOURCE_NAMES } from '../entity/capacity/capacityText';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { formatTime } from '../shared/formatTime';

const RESOURCES: CapacityResource[] = ['cpu', 'memory', 'pods', 'storage'];
const GIB = 2 ** 30;

/** "4 of 16 vCPUs, 24.0 of 64.0 GiB", unknown parts said so. */
function hypervisorText(host: HypervisorCapacity): string {
  const of = (
    allocated: number | null,
    total: number | null,
    text: (v: number) => string,
  ) =>
    `${allocated === null ? 'unknown' : text(allocated)} of ${
      total === null ? 'unknown' : text(total)
    }`;
  return `${host.title ?? host.name}: ${host.guests.length} guest(s) with ${of(
    host.allocatedVcpus,
    host.cpus,
    v => `${v}`,
  )} vCPUs and ${of(host.allocatedMemoryBytes, host.memoryBytes, v =>
    (v / GIB).toFixed(1),
  )} GiB of memory (${
    host.source === 'proxmox'
      ? `Proxmox VE, read ${formatTime(host.observedAt)}`
      : 'the inventory'
  })`;
}

/**
 * The Power tab's capacity: each cluster's nodes as headroom bars against
 * the inventory's targets, and each hypervisor's guests against the host.
 */
export function CapacitySection() {
  const api = useApi(homelabApiRef);
  const capacity = useAsyncRetry(() => api.getCapacity(), [api]);
  if (capacity.loading && !capacity.value) return <Progress />;
  if (capacity.error) return <ResponseErrorPanel error={capacity.error} />;
  const { capacity: report, freshness } = capacity.value!;
  return (
    <InfoCard
      title="Capacity"
      subheader={`Built ${formatTime(
        report.generatedAt,
      )} · requests (pale) and use (dark) against allocatable, the red mark the inventory's target`}
    >
      <FreshnessNotice freshness={freshness} />
      {report.clusters.map(cluster => (
        <Box key={cluster.cluster} mb={3} component="section">
          <Typography variant="h6" component="h3">
            {cluster.cluster}
          </Typography>
          <Grid container spacing={2}>
            {RESOURCES.map(resource => (
              <Grid item xs={12} md={6} key={resource}>
                <Typography variant="subtitle2" component="h4">
                  {RESOURCE_NAMES[resource]}
                </Typography>
                {cluster.nodes.map(node => {
                  const figure = node.figures.find(
                    f => f.resource === resource,
                  );
                  return figure ? (
                    <Box key={node.name} mt={1}>
                      <CapacityBar label={node.name} figure={figure} />
                    </Box>
                  ) : null;
                })}
              </Grid>
            ))}
          </Grid>
        </Box>
      ))}
      {report.hypervisors.length > 0 && (
        <Box component="section">
          <Typography variant="h6" component="h3">
            Hypervisors
          </Typography>
          {report.hypervisors.map(host => (
            <Typography variant="body2" key={host.entityRef}>
              {hypervisorText(host)}
            </Typography>
          ))}
        </Box>
      )}
    </InfoCard>
  );
}

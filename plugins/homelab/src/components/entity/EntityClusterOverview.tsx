import { Entity } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  getHomelabSpec,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { StatusChip } from '../shared/StatusChip';
import {
  FIXED_COLUMN_ORDER,
  SortableHeadersFocus,
} from '../shared/SortableHeadersFocus';
import { FluxObjectsTable } from './FluxObjectsTable';

const nodeSpec = (node: Entity) =>
  getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.node>(node);

function nodeState(node: Entity) {
  const homelab = nodeSpec(node);
  if (homelab.presence === 'inventory-only')
    return <StatusChip status="error" label="Missing from cluster" />;
  if (!homelab.live) return <StatusChip status="unknown" label="Not checked" />;
  if (homelab.live.stale) return <StatusChip status="unknown" label="Stale" />;
  if (homelab.live.ready === 'True')
    return <StatusChip status="ok" label="Ready" />;
  return <StatusChip status="error" label="Not ready" />;
}

/** The cluster's nodes from the catalog, with what each reports. */
function ClusterNodesTable(props: { cluster: string }) {
  const catalogApi = useApi(catalogApiRef);
  const nodes = useAsyncRetry(
    async () =>
      (
        await catalogApi.getEntities({
          filter: {
            kind: 'Resource',
            'spec.type': 'kubernetes-node',
            'spec.homelab.cluster': props.cluster,
          },
        })
      ).items,
    [catalogApi, props.cluster],
  );
  const nodeColumns: TableColumn<Entity>[] = [
    {
      title: 'Node',
      render: node => (
        <EntityRefLink entityRef={node} title={nodeSpec(node).nodeName} />
      ),
    },
    {
      title: 'Roles',
      render: node => (nodeSpec(node).roles ?? []).join(', '),
    },
    { title: 'State', render: nodeState },
    {
      title: 'Kubelet',
      render: node => nodeSpec(node).live?.kubeletVersion ?? '—',
    },
    {
      title: 'OS image',
      render: node => nodeSpec(node).live?.osImage ?? '—',
    },
    {
      title: 'Drift',
      render: node => (nodeSpec(node).drift ?? []).join('; ') || '—',
    },
  ];

  if (nodes.error) return <ResponseErrorPanel error={nodes.error} />;
  return (
    <SortableHeadersFocus>
      <Table<Entity>
        title="Nodes"
        isLoading={nodes.loading}
        data={nodes.value ?? []}
        columns={nodeColumns}
        options={{
          ...FIXED_COLUMN_ORDER,
          paging: false,
          search: false,
          padding: 'dense',
        }}
      />
    </SortableHeadersFocus>
  );
}

/**
 * A cluster's overview: its facts from the inventory, its nodes with what
 * they report, and its Flux objects with reconcile and suspend controls.
 */
export function EntityClusterOverview() {
  const { entity } = useEntity();
  const homelabApi = useApi(homelabApiRef);
  const name = entity.metadata.name;
  const homelab = getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.cluster>(entity);

  const flux = useAsyncRetry(
    () => homelabApi.getFluxObjects({ cluster: name }),
    [homelabApi, name],
  );

  const facts: Array<[string, string | undefined]> = [
    ['Environment', homelab.environment],
    [
      'Distribution',
      [homelab.distribution, homelab.version].filter(Boolean).join(' '),
    ],
    [
      'Operating system',
      [homelab.os?.name, homelab.os?.version].filter(Boolean).join(' '),
    ],
    ['API server', entity.metadata.annotations?.['kubernetes.io/api-server']],
    ['CNI', homelab.cni],
    ['Pod CIDR', homelab.podCidr],
    ['Service CIDR', homelab.serviceCidr],
    ['Domain', homelab.domain],
  ];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <InfoCard title="Cluster">
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div
                key={label}
                style={{ display: 'flex', gap: 12, marginBottom: 4 }}
              >
                <Typography
                  variant="body2"
                  color="textSecondary"
                  style={{ minWidth: 120 }}
                >
                  {label}
                </Typography>
                <Typography variant="body2">{value}</Typography>
              </div>
            ))}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <ClusterNodesTable cluster={name} />
      </Grid>
      <Grid item xs={12}>
        {flux.loading && !flux.value && <Progress />}
        {flux.error && <ResponseErrorPanel error={flux.error} />}
        {flux.value && (
          <>
            <FreshnessNotice freshness={flux.value.freshness} />
            <FluxObjectsTable
              objects={flux.value.items}
              clusters={flux.value.clusters}
              onChanged={flux.retry}
            />
          </>
        )}
      </Grid>
    </Grid>
  );
}

import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { TopologyNode } from '@homelab/plugin-homelab-common';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { lazy, Suspense, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { formatTime } from '../shared/formatTime';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { useQueryParams } from '../shared/useQueryParams';
import {
  collapseWorkloads,
  FilterChoice,
  filterChoices,
  filterTopology,
  searchOptions,
  TopologyFilter,
} from './filterTopology';
import type { TopologyDrawn } from './TopologyGraphView';
import { TopologyLegend } from './TopologyLegend';
import { TopologyNodeDetails } from './TopologyNodeDetails';
import { KIND_LABELS } from './topologyStyle';
import { fetchTopology, topologyQuery } from './topologyPrefetch';

/*
 * The canvas (Cytoscape.js, most of the page's code) is a chunk of its own,
 * asked for as soon as this page's module runs: it loads while the topology
 * is fetched, where in one chunk with the page the fetch waited for it.
 */
const graphView = import('./TopologyGraphView');
const TopologyGraphView = lazy(() =>
  graphView.then(m => ({ default: m.TopologyGraphView })),
);

const FILTERS = [
  { key: 'environment', label: 'Environment', choices: 'environments' },
  { key: 'cluster', label: 'Cluster', choices: 'clusters' },
  { key: 'network', label: 'Network', choices: 'networks' },
] as const;

function FilterSelect(props: {
  label: string;
  value: string;
  choices: FilterChoice[];
  onChange(value: string): void;
}) {
  const id = `topology-filter-${props.label.toLocaleLowerCase('en-US')}`;
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 160 }}>
      <InputLabel id={id}>{props.label}</InputLabel>
      <Select
        labelId={id}
        label={props.label}
        value={props.value}
        onChange={event => props.onChange(event.target.value as string)}
      >
        <MenuItem value="">
          <em>All</em>
        </MenuItem>
        {props.choices.map(choice => (
          <MenuItem key={choice.value} value={choice.value}>
            {choice.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/**
 * The filters (kept in the URL), the workloads switch, the search that
 * selects a node, and what the graph shows.
 */
function TopologyToolbar(props: {
  filter: TopologyFilter;
  choices: ReturnType<typeof filterChoices>;
  showWorkloads: boolean;
  visible: { nodes: TopologyNode[]; edges: unknown[] };
  options: ReturnType<typeof searchOptions>;
  selectedNode?: TopologyNode;
  generatedAt: string;
  onFilter(key: keyof TopologyFilter | 'workloads', value: string): void;
  onSelect(node: string | undefined): void;
}) {
  return (
    <Grid container spacing={2} alignItems="center">
      {FILTERS.map(({ key, label, choices: list }) => (
        <Grid item key={key}>
          <FilterSelect
            label={label}
            value={props.filter[key] ?? ''}
            choices={props.choices[list]}
            onChange={value => props.onFilter(key, value)}
          />
        </Grid>
      ))}
      <Grid item>
        <FormControlLabel
          control={
            <Switch
              checked={props.showWorkloads}
              onChange={event =>
                props.onFilter('workloads', event.target.checked ? 'show' : '')
              }
              color="primary"
            />
          }
          label="Workloads"
        />
      </Grid>
      <Grid item xs>
        <Autocomplete
          options={props.options}
          getOptionLabel={node => node.searchLabel}
          getOptionSelected={(option, value) => option.id === value.id}
          groupBy={node => KIND_LABELS[node.kind]}
          value={
            props.options.find(o => o.id === props.selectedNode?.id) ?? null
          }
          onChange={(_event, node) => props.onSelect(node?.id)}
          renderInput={input => (
            <TextField
              {...input}
              label="Find a node"
              variant="outlined"
              size="small"
            />
          )}
          style={{ maxWidth: 360 }}
        />
      </Grid>
      <Grid item>
        <Typography variant="body2" color="textSecondary">
          {props.visible.nodes.length} nodes, {props.visible.edges.length}{' '}
          connections
          {' · '}built {formatTime(props.generatedAt)}
        </Typography>
      </Grid>
    </Grid>
  );
}

/**
 * The homelab as one graph: internet, uplinks, router and switches,
 * networks, devices, Kubernetes nodes, clusters, namespaces and workloads,
 * with address pools and load-balancer IPs. Filters narrow it to an
 * environment, cluster or network (kept in the URL); workloads are folded
 * into their namespaces unless asked for; the search finds a node; a
 * selected node links to its catalog entity.
 */
export function TopologyPage() {
  const api = useApi(homelabApiRef);
  const [params, update] = useQueryParams();
  const [selected, setSelected] = useState<string>();
  const [drawn, setDrawn] = useState<TopologyDrawn>();
  const showWorkloads = params.get('workloads') === 'show';
  // The overview comes folded from the backend: a large estate's workloads
  // are fetched only when asked for.
  const graph = useAsyncRetry(
    () => fetchTopology(api, topologyQuery(showWorkloads)),
    [api, showWorkloads],
  );

  const filter: TopologyFilter = {
    environment: params.get('environment') ?? undefined,
    cluster: params.get('cluster') ?? undefined,
    network: params.get('network') ?? undefined,
  };
  const filterKey = JSON.stringify(filter);
  const visible = useMemo(() => {
    if (!graph.value) return undefined;
    const filtered = filterTopology(graph.value, filter);
    return showWorkloads ? filtered : collapseWorkloads(filtered);
    // filterKey stands for the filter's values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph.value, filterKey, showWorkloads]);
  const options = useMemo(
    () => (visible ? searchOptions(visible.nodes) : []),
    [visible],
  );
  const choices = useMemo(
    () => (graph.value ? filterChoices(graph.value) : undefined),
    [graph.value],
  );

  if (graph.loading && !graph.value) return <Progress />;
  if (graph.error) return <ResponseErrorPanel error={graph.error} />;
  if (!graph.value || !visible || !choices) return null;
  if (graph.value.nodes.length <= 1) {
    return (
      <EmptyState
        missing="data"
        title="No topology yet"
        description="The homelab backend found no homelab entities in the catalog. Add an inventory under homelab.inventory.locations, or wait for its first refresh."
      />
    );
  }

  const byId = new Map(visible.nodes.map(n => [n.id, n]));
  const selectedNode = selected ? byId.get(selected) : undefined;
  const neighbours = (direction: 'source' | 'target') =>
    visible.edges
      .filter(e => e[direction === 'source' ? 'target' : 'source'] === selected)
      .map(e => byId.get(e[direction]))
      .filter((n): n is TopologyNode => !!n);

  const setFilter = (
    key: keyof TopologyFilter | 'workloads',
    value: string,
  ) => {
    update({ [key]: value });
    setSelected(undefined);
  };

  return (
    <>
      <FreshnessNotice freshness={graph.value.freshness} />
      <TopologyToolbar
        filter={filter}
        choices={choices}
        showWorkloads={showWorkloads}
        visible={visible}
        options={options}
        selectedNode={selectedNode}
        generatedAt={graph.value.generatedAt}
        onFilter={setFilter}
        onSelect={setSelected}
      />
      <TopologyLegend />
      <Grid container spacing={2} style={{ marginTop: 0 }}>
        <Grid
          item
          xs={12}
          md={selectedNode ? 8 : 12}
          lg={selectedNode ? 9 : 12}
        >
          <div
            data-testid="topology"
            data-drawn-ms={drawn?.milliseconds}
            data-drawn-nodes={drawn?.nodes}
            data-complete-ms={drawn?.completeMilliseconds}
          >
            <Suspense fallback={<Progress />}>
              <TopologyGraphView
                nodes={visible.nodes}
                edges={visible.edges}
                selected={selected}
                matches={selected ? [selected] : []}
                onSelect={setSelected}
                onDrawn={setDrawn}
                height={640}
              />
            </Suspense>
          </div>
        </Grid>
        {selectedNode && (
          <Grid item xs={12} md={4} lg={3}>
            <TopologyNodeDetails
              node={selectedNode}
              upstream={neighbours('source')}
              downstream={neighbours('target')}
            />
          </Grid>
        )}
      </Grid>
    </>
  );
}

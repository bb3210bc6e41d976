import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  FindingSeverity,
  FindingSource,
  PostureSummary,
  PostureTrendPoint,
} from '@homelab/plugin-homelab-common';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { AsyncState } from 'react-use/esm/useAsyncFn';
import { homelabApiRef } from '../../api/HomelabApi';
import { RecoverySection } from '../recovery/RecoverySection';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { Score } from '../shared/Score';
import { useQueryParams } from '../shared/useQueryParams';
import { misconfigurationTotal } from '../shared/misconfigurationTotal';
import { GRADED_SEVERITIES, SEVERITIES } from '../shared/SeverityChip';
import { FindingsTable } from './FindingsTable';
import { SOURCE_LABELS } from './findingColumns';
import { PostureSummaryCard } from './PostureSummaryCard';
import { PostureTrendChart } from './PostureTrendChart';
import {
  FIXED_COLUMN_ORDER,
  SortableHeadersFocus,
} from '../shared/SortableHeadersFocus';

function Toggles<T extends string>(props: {
  label: string;
  values: readonly T[];
  labels?: Record<T, string>;
  selected: T[];
  onChange(selected: T[]): void;
}) {
  return (
    <Grid container spacing={1} alignItems="center">
      <Grid item>
        <Typography variant="body2" color="textSecondary">
          {props.label}
        </Typography>
      </Grid>
      {props.values.map(value => {
        const on = props.selected.includes(value);
        return (
          <Grid item key={value}>
            <Chip
              size="small"
              clickable
              color={on ? 'primary' : 'default'}
              variant={on ? 'default' : 'outlined'}
              label={props.labels?.[value] ?? value}
              aria-pressed={on}
              onClick={() =>
                props.onChange(
                  on
                    ? props.selected.filter(v => v !== value)
                    : [...props.selected, value],
                )
              }
            />
          </Grid>
        );
      })}
    </Grid>
  );
}

/** The last 30 days of the selected cluster or namespace. */
function TrendCard(props: {
  scope: string;
  trendKey?: string;
  trend: AsyncState<{ points: PostureTrendPoint[] } | undefined>;
}) {
  const { trend, trendKey } = props;
  return (
    <InfoCard
      title="Trend"
      subheader={
        trendKey ? `${props.scope} ${trendKey}, last 30 days` : undefined
      }
    >
      {trend.error && <ResponseErrorPanel error={trend.error} />}
      {trend.value && <PostureTrendChart points={trend.value.points} />}
      {trend.loading && !trend.value && <Progress />}
    </InfoCard>
  );
}

/** The namespaces of the selected cluster (or all); a click selects one. */
function NamespacesTable(props: {
  cluster?: string;
  namespace?: string;
  namespaces: AsyncState<{ items: PostureSummary[] }>;
  onSelect(row: PostureSummary): void;
}) {
  const { cluster, namespace, namespaces } = props;
  if (namespaces.error) return <ResponseErrorPanel error={namespaces.error} />;
  const namespaceColumns: TableColumn<PostureSummary>[] = [
    { title: 'Namespace', field: 'namespace' },
    { title: 'Cluster', field: 'cluster' },
    {
      title: 'Score',
      field: 'score',
      render: row => <Score value={row.score} />,
    },
    ...GRADED_SEVERITIES.map(level => ({
      title: level[0].toLocaleUpperCase('en-US') + level.slice(1),
      field: `vulnerabilities.${level}`,
      render: (row: PostureSummary) => row.vulnerabilities[level],
    })),
    {
      title: 'Misconfigurations',
      render: row => misconfigurationTotal(row),
    },
    { title: 'Policy failures', render: row => row.policy.fail },
  ];
  return (
    <SortableHeadersFocus>
      <Table<PostureSummary>
        title={`Namespaces${cluster ? ` of ${cluster}` : ''}`}
        isLoading={namespaces.loading}
        data={namespaces.value?.items ?? []}
        columns={namespaceColumns}
        onRowClick={(_event, row) => row && props.onSelect(row)}
        options={{
          ...FIXED_COLUMN_ORDER,
          paging: true,
          pageSize: 10,
          padding: 'dense',
          rowStyle: row => ({
            fontWeight: row.namespace === namespace ? 600 : undefined,
          }),
        }}
      />
    </SortableHeadersFocus>
  );
}

/** The severity and source filters of the findings. */
function FindingsFilters(props: {
  severity: FindingSeverity[];
  source: FindingSource[];
  update: ReturnType<typeof useQueryParams>[1];
}) {
  const { update } = props;
  return (
    <>
      <Toggles
        label="Severity"
        values={SEVERITIES}
        selected={props.severity}
        onChange={value => update({ severity: value })}
      />
      <Toggles
        label="Source"
        values={Object.keys(SOURCE_LABELS) as FindingSource[]}
        labels={SOURCE_LABELS}
        selected={props.source}
        onChange={value => update({ source: value })}
      />
    </>
  );
}

/**
 * Security posture of the homelab: each cluster's score and counts from
 * Trivy Operator, Polaris and policy reports, a trend of the selected
 * scope, the namespaces, every finding with filters and paging, and the
 * backups and certificates. The
 * selection lives in the URL (cluster, namespace, severity, source).
 */
export function SecurityPage() {
  const api = useApi(homelabApiRef);
  const [params, update] = useQueryParams();
  const cluster = params.get('cluster') ?? undefined;
  const namespace = params.get('namespace') ?? undefined;
  const entityRef = params.get('entity') ?? undefined;
  const severity = params.getAll('severity') as FindingSeverity[];
  const source = params.getAll('source') as FindingSource[];

  const clusters = useAsyncRetry(
    () => api.getPostureSummaries({ scope: 'cluster' }),
    [api],
  );
  const namespaces = useAsyncRetry(
    () => api.getPostureSummaries({ scope: 'namespace', cluster }),
    [api, cluster],
  );
  const trendScope = namespace && cluster ? 'namespace' : 'cluster';
  const trendKey =
    trendScope === 'namespace'
      ? `${cluster}/${namespace}`
      : cluster ?? clusters.value?.items[0]?.key;
  const trend = useAsyncRetry(
    async () =>
      trendKey
        ? api.getPostureTrend({ scope: trendScope, key: trendKey, days: 30 })
        : undefined,
    [api, trendScope, trendKey],
  );

  if (clusters.loading && !clusters.value) return <Progress />;
  if (clusters.error) return <ResponseErrorPanel error={clusters.error} />;
  const summaries = clusters.value?.items ?? [];
  if (!summaries.length) {
    return (
      <>
        <FreshnessNotice freshness={clusters.value?.freshness ?? []} />
        <EmptyState
          missing="data"
          title="No security reports yet"
          description="Install Trivy Operator, Polaris or Kyverno in a cluster under homelab.clusters; the security collector reads their reports every 30 minutes."
        />
        <RecoverySection />
      </>
    );
  }

  return (
    <>
      <FreshnessNotice freshness={clusters.value!.freshness} />
      <Grid container spacing={3}>
        {summaries.map(summary => (
          <Grid item xs={12} md={6} lg={4} key={summary.key}>
            <PostureSummaryCard
              summary={summary}
              title={`Cluster ${summary.cluster}`}
              selected={cluster === summary.cluster}
              onSelect={() =>
                update({
                  cluster:
                    cluster === summary.cluster ? undefined : summary.cluster,
                  namespace: undefined,
                })
              }
            />
          </Grid>
        ))}
        <Grid item xs={12} lg={summaries.length % 3 === 0 ? 12 : 4}>
          <TrendCard scope={trendScope} trendKey={trendKey} trend={trend} />
        </Grid>
        <Grid item xs={12}>
          <NamespacesTable
            cluster={cluster}
            namespace={namespace}
            namespaces={namespaces}
            onSelect={row =>
              update({
                cluster: row.cluster,
                namespace:
                  namespace === row.namespace ? undefined : row.namespace,
              })
            }
          />
        </Grid>
        <Grid item xs={12}>
          <FindingsFilters
            severity={severity}
            source={source}
            update={update}
          />
        </Grid>
        <Grid item xs={12}>
          {entityRef && (
            <Chip
              label={`Only ${entityRef}`}
              onDelete={() => update({ entity: undefined })}
              style={{ marginBottom: 8 }}
            />
          )}
          <FindingsTable
            title={`Findings${cluster ? ` in ${cluster}` : ''}${
              namespace ? `/${namespace}` : ''
            }`}
            filter={{
              cluster,
              namespace,
              entityRef,
              severity: severity.length ? severity : undefined,
              source: source.length ? source : undefined,
            }}
          />
        </Grid>
        <Grid item xs={12}>
          <RecoverySection cluster={cluster} />
        </Grid>
      </Grid>
    </>
  );
}

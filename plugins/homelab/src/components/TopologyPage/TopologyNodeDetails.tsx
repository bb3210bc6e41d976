import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TopologyNode } from '@homelab/plugin-homelab-common';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { StatusChip } from '../shared/StatusChip';
import { KIND_LABELS } from './topologyStyle';

const STATE_WORDS = {
  ok: 'ready',
  warning: 'degraded',
  error: 'failing',
  unknown: 'unknown',
} as const;

/** What is known of the selected node, with the way to its catalog entity. */
export function TopologyNodeDetails(props: {
  node: TopologyNode;
  upstream: TopologyNode[];
  downstream: TopologyNode[];
}) {
  const { node, upstream, downstream } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const list = (nodes: TopologyNode[]) =>
    nodes.length
      ? nodes
          .slice(0, 8)
          .map(n => n.label)
          .join(', ') +
        (nodes.length > 8 ? `, and ${nodes.length - 8} more` : '')
      : '—';
  const counts = node.workloads;
  const workloads =
    counts &&
    [
      `${counts.total} workload${counts.total === 1 ? '' : 's'}`,
      ...(['ok', 'warning', 'error', 'unknown'] as const)
        .filter(state => counts[state] > 0 && counts[state] < counts.total)
        .map(state => `${counts[state]} ${STATE_WORDS[state]}`),
    ].join(', ');
  const facts: Array<[string, string | undefined]> = [
    ['Kind', KIND_LABELS[node.kind]],
    ['Why', node.status !== 'ok' ? node.reason : undefined],
    ['Runs', workloads],
    ['Cluster', node.cluster],
    ['Environment', node.environment],
    ['Networks', node.networks?.join(', ')],
    ['Upstream', list(upstream)],
    ['Downstream', list(downstream)],
  ];
  return (
    <Card variant="outlined" data-testid="topology-node-details">
      <CardContent>
        <Typography
          variant="h6"
          gutterBottom
          style={{ overflowWrap: 'anywhere' }}
        >
          {node.label}
        </Typography>
        {node.status && <StatusChip status={node.status} />}
        <dl style={{ margin: '8px 0' }}>
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label} style={{ display: 'flex', gap: 8 }}>
                <dt style={{ minWidth: 96, flexShrink: 0 }}>
                  <Typography variant="body2" color="textSecondary">
                    {label}
                  </Typography>
                </dt>
                {/* A reason may hold a timestamp or an address with no
                    space to wrap at: it breaks anywhere rather than run out
                    of the panel, which cut it off. */}
                <dd
                  style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}
                >
                  <Typography variant="body2">{value}</Typography>
                </dd>
              </div>
            ))}
        </dl>
        {node.entityRef ? (
          <Link to={entityRoute(parseEntityRef(node.entityRef))}>
            Open in the catalog
          </Link>
        ) : (
          <Typography variant="body2" color="textSecondary">
            Not a catalog entity
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

import { TopologyNode } from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { kindColours, KIND_LABELS, statusColours } from './topologyStyle';

/** What the colours mean: fill by kind, ring by health. */
export function TopologyLegend() {
  const theme = useTheme();
  const kinds = kindColours(theme);
  const statuses = statusColours(theme);
  // A ring as the canvas draws it: solid, or dashed for unknown.
  const swatch = (colour: string, ring?: 'solid' | 'dashed') => (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        borderRadius: 6,
        marginRight: 4,
        verticalAlign: 'middle',
        background: ring ? 'transparent' : colour,
        border: ring ? `3px ${ring} ${colour}` : undefined,
      }}
    />
  );
  return (
    <Typography
      component="div"
      variant="caption"
      color="textSecondary"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginTop: 8 }}
    >
      {(Object.keys(KIND_LABELS) as TopologyNode['kind'][]).map(kind => (
        <span key={kind}>
          {swatch(kinds[kind])}
          {KIND_LABELS[kind]}
        </span>
      ))}
      {(['ok', 'warning', 'error', 'unknown'] as const).map(status => (
        <span key={status}>
          {swatch(statuses[status], status === 'unknown' ? 'dashed' : 'solid')}
          {
            {
              ok: 'healthy',
              warning: 'degraded',
              error: 'failing',
              unknown: 'unknown or stale',
            }[status]
          }
        </span>
      ))}
    </Typography>
  );
}

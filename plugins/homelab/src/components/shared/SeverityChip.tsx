import { FindingSeverity } from '@homelab/plugin-homelab-common';
import Chip from '@material-ui/core/Chip';
import { useTheme } from '@material-ui/core/styles';
import { readableFill } from './readableColour';

export const SEVERITIES: FindingSeverity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'unknown',
];

/** The severities a scanner graded, without "unknown": what summaries show. */
export const GRADED_SEVERITIES = SEVERITIES.slice(0, 4);

export function useSeverityColours(): Record<FindingSeverity, string> {
  const theme = useTheme();
  return {
    critical: theme.palette.error.dark,
    high: theme.palette.error.main,
    medium: theme.palette.warning.main,
    low: theme.palette.info.main,
    unknown: theme.palette.grey[500],
  };
}

/** A severity, optionally with a count: "critical 3". */
export function SeverityChip(props: {
  severity: FindingSeverity;
  count?: number;
}) {
  const colours = useSeverityColours();
  const { severity, count } = props;
  const muted = count === 0;
  return (
    <Chip
      size="small"
      label={count === undefined ? severity : `${severity} ${count}`}
      variant={muted ? 'outlined' : 'default'}
      style={muted ? undefined : readableFill(colours[severity])}
    />
  );
}

import { SloSeriesPoint } from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { TimeLineChart } from '../shared/TimeLineChart';
import { percent } from './sloFormat';

const day = (iso: string) => iso.slice(5, 16).replace('T', ' ');

/**
 * The error budget left over the SLO's window: how fast it burned, and
 * where it went below zero. Points without data stay gaps, never zero.
 */
export function SloBurnDownChart(props: { series: SloSeriesPoint[] }) {
  const theme = useTheme();
  const withData = props.series.filter(p => p.errorBudgetRemaining !== null);
  if (withData.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history in the window yet.
      </Typography>
    );
  }
  const data = props.series.map(point => ({
    time: point.time,
    budget:
      point.errorBudgetRemaining === null
        ? null
        : Number((point.errorBudgetRemaining * 100).toFixed(2)),
  }));
  return (
    <TimeLineChart testId="slo-burn-down" data={data}>
      <XAxis
        dataKey="time"
        tickFormatter={day}
        minTickGap={40}
        stroke={theme.palette.text.secondary}
      />
      <YAxis
        unit="%"
        domain={['auto', 100]}
        stroke={theme.palette.text.secondary}
      />
      <ReferenceLine
        y={0}
        stroke={theme.palette.error.main}
        strokeDasharray="4 4"
      />
      <Tooltip
        labelFormatter={label => String(label).replace('T', ' ').slice(0, 16)}
        formatter={value => [
          value === null ? 'no data' : percent(Number(value) / 100, 1),
          'Error budget left',
        ]}
        contentStyle={{ background: theme.palette.background.paper }}
      />
      <Line
        type="monotone"
        dataKey="budget"
        name="Error budget left"
        stroke={theme.palette.primary.main}
        dot={false}
        isAnimationActive={false}
        connectNulls={false}
      />
    </TimeLineChart>
  );
}

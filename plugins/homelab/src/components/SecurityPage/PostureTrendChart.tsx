import { PostureTrendPoint } from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { useSeverityColours } from '../shared/SeverityChip';
import { TimeLineChart } from '../shared/TimeLineChart';

const day = (iso: string) => iso.slice(0, 10);

/** The score and the critical and high vulnerabilities of one scope over time. */
export function PostureTrendChart(props: { points: PostureTrendPoint[] }) {
  const theme = useTheme();
  const colours = useSeverityColours();
  if (props.points.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.points.length
          ? 'One collection so far: the trend shows from the second.'
          : 'No history yet.'}
      </Typography>
    );
  }
  const data = props.points.map(point => ({
    time: point.collectedAt,
    score: point.score,
    critical: point.vulnerabilities.critical,
    high: point.vulnerabilities.high,
  }));
  return (
    <TimeLineChart testId="posture-trend" data={data}>
      <XAxis
        dataKey="time"
        tickFormatter={day}
        stroke={theme.palette.text.secondary}
      />
      <YAxis
        yAxisId="score"
        domain={[0, 100]}
        stroke={theme.palette.text.secondary}
      />
      <YAxis
        yAxisId="count"
        orientation="right"
        allowDecimals={false}
        stroke={theme.palette.text.secondary}
      />
      <Tooltip
        labelFormatter={label => day(String(label))}
        contentStyle={{ background: theme.palette.background.paper }}
      />
      <Legend />
      <Line
        yAxisId="score"
        type="monotone"
        dataKey="score"
        name="Score"
        stroke={theme.palette.primary.main}
        dot={false}
        isAnimationActive={false}
        connectNulls={false}
      />
      <Line
        yAxisId="count"
        type="stepAfter"
        dataKey="critical"
        name="Critical vulnerabilities"
        stroke={colours.critical}
        dot={false}
        isAnimationActive={false}
      />
      <Line
        yAxisId="count"
        type="stepAfter"
        dataKey="high"
        name="High vulnerabilities"
        stroke={colours.high}
        dot={false}
        isAnimationActive={false}
      />
    </TimeLineChart>
  );
}

import { useTheme } from '@material-ui/core/styles';
import type { ReactNode } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer } from 'recharts';

/**
 * A line chart over time in the theme's colours, as wide as its container.
 * Children are the chart's axes, lines and tooltip.
 */
export function TimeLineChart(props: {
  testId: string;
  data: object[];
  children: ReactNode;
}) {
  const theme = useTheme();
  return (
    <div data-testid={props.testId} style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <LineChart
          data={props.data}
          margin={{ top: 8, right: 24, bottom: 8, left: 0 }}
        >
          <CartesianGrid stroke={theme.palette.divider} strokeDasharray="3 3" />
          {props.children}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

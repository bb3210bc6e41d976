import { DevicePower } from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const HOUR_MS = 3600_000;

/**
 * Each measured or estimated device's hourly draw over the last 7 days,
 * stacked, so the top line is the homelab's. A device without a
 * measurement for an hour is a gap in its band, never zero.
 */
export function PowerHistoryChart(props: {
  devices: DevicePower[];
  generatedAt: string;
}) {
  const theme = useTheme();
  const devices = props.devices.filter(
    d => !d.includedIn && d.history.some(w => w !== null),
  );
  if (!devices.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No device is measured or has power figures in the inventory.
      </Typography>
    );
  }
  const hours = devices[0].history.length;
  const end = Math.floor(Date.parse(props.generatedAt) / HOUR_MS) * HOUR_MS;
  const data = Array.from({ length: hours }, (_, i) => ({
    time: new Date(end - (hours - 1 - i) * HOUR_MS).toISOString(),
    ...Object.fromEntries(
      devices.map(d => [
        d.name,
        d.history[i] === null ? null : Number(d.history[i]!.toFixed(2)),
      ]),
    ),
  }));
  const colours = [
    theme.palette.primary.main,
    theme.palette.secondary.main,
    theme.palette.success?.main ?? '#4caf50',
    theme.palette.warning?.main ?? '#ff9800',
    theme.palette.info?.main ?? '#2196f3',
  ];
  return (
    <div data-testid="power-history" style={{ width: '100%', height: 300 }}>
      <ResponsiveContainer>
        <AreaChart
          data={data}
          margin={{ top: 8, right: 24, bottom: 8, left: 0 }}
        >
          <CartesianGrid stroke={theme.palette.divider} strokeDasharray="3 3" />
          <XAxis
            dataKey="time"
            tickFormatter={(iso: string) => iso.slice(5, 13).replace('T', ' ')}
            minTickGap={40}
            stroke={theme.palette.text.secondary}
          />
          <YAxis unit=" W" stroke={theme.palette.text.secondary} />
          <Tooltip
            labelFormatter={label =>
              String(label).slice(0, 16).replace('T', ' ')
            }
            formatter={value => `${value} W`}
          />
          <Legend />
          {devices.map((device, i) => (
            <Area
              key={device.name}
              type="monotone"
              dataKey={device.name}
              name={`${device.title ?? device.name} (${device.source})`}
              stackId="draw"
              stroke={colours[i % colours.length]}
              fill={colours[i % colours.length]}
              fillOpacity={device.source === 'measured' ? 0.6 : 0.25}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}

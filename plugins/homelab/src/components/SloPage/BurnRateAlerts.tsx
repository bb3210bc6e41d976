import { BurnRateAlert } from '@homelab/plugin-homelab-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { useTheme } from '@material-ui/core/styles';
import { burnRate, percent } from './sloFormat';

/** The four multi-window burn-rate alerts: each window pair, its rates, and whether it fires. */
export function BurnRateAlerts(props: { alerts: BurnRateAlert[] }) {
  const theme = useTheme();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {props.alerts.map(alert => {
        const colour =
          alert.firing === true
            ? theme.palette[alert.severity === 'page' ? 'error' : 'warning']
                .main
            : undefined;
        const state =
          alert.firing === null
            ? 'no data'
            : `${alert.firing ? 'firing' : 'not firing'}`;
        return (
          <Tooltip
            key={`${alert.longWindow}/${alert.shortWindow}`}
            title={`${alert.severity} alert over ${alert.longWindow} and ${
              alert.shortWindow
            }: fires above ${burnRate(alert.threshold)} (spending ${percent(
              alert.budgetFraction,
              0,
            )} of the budget); now ${burnRate(
              alert.longBurnRate,
            )} and ${burnRate(alert.shortBurnRate)}, ${state}`}
          >
            <Chip
              size="small"
              variant={alert.firing ? 'default' : 'outlined'}
              style={
                colour ? { backgroundColor: colour, color: '#fff' } : undefined
              }
              label={`${alert.longWindow}/${alert.shortWindow} ${burnRate(
                alert.longBurnRate,
              )}${alert.firing ? ` ${alert.severity}` : ''}`}
            />
          </Tooltip>
        );
      })}
    </span>
  );
}

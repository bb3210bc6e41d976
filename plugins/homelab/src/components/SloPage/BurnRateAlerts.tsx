import { BurnRateAlert } from '@homelab/plugin-homelab-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { useTheme } from '@material-ui/core/styles';
import { CSSProperties } from 'react';
import { readableFill, readableText } from '../shared/readableColour';
import { burnRate, percent } from './sloFormat';

/**
 * How close a burn rate is to its alert's threshold: firing; over the
 * threshold in the long window (the short one not yet); at least half way;
 * or well below.
 */
function closeness(alert: BurnRateAlert) {
  if (alert.firing) return 'firing';
  const rate = alert.longBurnRate;
  if (rate === null || alert.threshold <= 0) return 'none';
  if (rate >= alert.threshold) return 'over';
  return rate >= alert.threshold / 2 ? 'near' : 'none';
}

/**
 * The four multi-window burn-rate alerts: each window pair, its rate beside
 * the threshold it fires at, coloured by how close it is to firing.
 */
export function BurnRateAlerts(props: { alerts: BurnRateAlert[] }) {
  const theme = useTheme();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {props.alerts.map(alert => {
        const severe =
          theme.palette[alert.severity === 'page' ? 'error' : 'warning'];
        const close = closeness(alert);
        let style: CSSProperties | undefined;
        if (close === 'firing') style = readableFill(severe.main);
        else if (close === 'over')
          style = {
            borderColor: severe.main,
            color: readableText(theme, severe.dark),
            borderWidth: 2,
          };
        else if (close === 'near')
          style = { borderColor: theme.palette.warning.main };
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
              variant={close === 'firing' ? 'default' : 'outlined'}
              style={style}
              label={`${alert.longWindow}/${alert.shortWindow} ${burnRate(
                alert.longBurnRate,
              )} of ${burnRate(alert.threshold)}${
                alert.firing ? ` ${alert.severity}` : ''
              }`}
            />
          </Tooltip>
        );
      })}
    </span>
  );
}

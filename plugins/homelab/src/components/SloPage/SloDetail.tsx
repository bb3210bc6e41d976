import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { SloDefinition } from '@homelab/plugin-homelab-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { formatTime } from '../shared/formatTime';
import { BurnRateAlerts } from './BurnRateAlerts';
import { ErrorBudgetBar } from './ErrorBudgetBar';
import { SloBurnDownChart } from './SloBurnDownChart';
import { percent, STATE_TEXT, windowText } from './sloFormat';

/**
 * How the SLI over the period is computed, in words: the tools differ, and
 * the number means what the tool the SLO comes from means by it.
 */
function sliDefinition(
  method: SloDefinition['periodErrorRatio'],
  periodSeconds: number,
): string {
  const period = windowText(periodSeconds);
  return method === 'mean-of-5m-ratios'
    ? `Mean of the 5-minute success ratios over ${period}, as Sloth's rules compute it`
    : `Good events out of all events over ${period}`;
}

/** One SLO with its history: the burn-down of its error budget over the window. */
export function SloDetail(props: { id: string }) {
  const api = useApi(homelabApiRef);
  const detail = useAsyncRetry(() => api.getSlo(props.id), [api, props.id]);
  if (detail.loading && !detail.value) return <Progress />;
  if (detail.error) return <ResponseErrorPanel error={detail.error} />;
  const status = detail.value!.slo;
  const { slo } = status;
  return (
    <InfoCard
      title={slo.displayName ?? slo.name}
      subheader={`${slo.service ?? ''} · ${percent(
        slo.objective,
        3,
      )} over ${windowText(slo.periodSeconds)} · ${slo.source} (${slo.origin})`}
    >
      {status.state === 'stale' && (
        <Alert severity="warning" style={{ marginBottom: 16 }}>
          Stale: these values are from {formatTime(status.evaluatedAt)}; the
          last evaluation failed{status.error ? `: ${status.error}` : ''}.
        </Alert>
      )}
      {status.state === 'error' && (
        <Alert severity="error" style={{ marginBottom: 16 }}>
          Never evaluated{status.error ? `: ${status.error}` : ''}.
        </Alert>
      )}
      {status.state === 'no-data' && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          No data: Prometheus returned no events for this SLO in its window, so
          its attainment is unknown (not 100%).
        </Alert>
      )}
      {status.state === 'not-enough-data' && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          Not enough data: {Math.round(status.events ?? 0)} events in its
          window, fewer than the {status.minimumEvents} needed to judge it, so
          neither its budget nor its burn rates raise an alert.
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} md={4}>
          <Typography variant="body2" color="textSecondary">
            State
          </Typography>
          <Typography variant="h6">{STATE_TEXT[status.state]}</Typography>
          <Typography variant="body2" color="textSecondary">
            Attainment (SLI)
          </Typography>
          <Typography variant="h6">{percent(status.sli, 3)}</Typography>
          <Typography variant="caption" color="textSecondary">
            {sliDefinition(slo.periodErrorRatio, slo.periodSeconds)}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Error budget remaining
          </Typography>
          <ErrorBudgetBar
            remaining={status.errorBudgetRemaining}
            unjudged={status.state === 'not-enough-data'}
          />
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ marginTop: 8 }}
          >
            Burn rates (long window)
          </Typography>
          <BurnRateAlerts alerts={status.burnRates} />
          {slo.description && (
            <Typography variant="body2" style={{ marginTop: 8 }}>
              {slo.description}
            </Typography>
          )}
        </Grid>
        <Grid item xs={12} md={8}>
          <Typography variant="subtitle2">Error budget burn-down</Typography>
          <SloBurnDownChart series={status.series ?? []} />
        </Grid>
      </Grid>
    </InfoCard>
  );
}

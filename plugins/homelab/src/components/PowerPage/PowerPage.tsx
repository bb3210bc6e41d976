import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { PowerReport } from '@homelab/plugin-homelab-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { formatTime } from '../shared/formatTime';
import { CapacitySection } from './CapacitySection';
import { DevicePowerTable } from './DevicePowerTable';
import { PowerHistoryChart } from './PowerHistoryChart';
import { PowerSharesTable } from './PowerSharesTable';
import { costText, kWhText, wattsText } from './powerFormat';

/** The totals: draw now, energy and cost over a day and 30 days, and how many devices are not measured. */
function PowerTotals(props: { report: PowerReport }) {
  const { total, tariff } = props.report;
  const figures = [
    ['Draw now', wattsText(total.watts)],
    ['Last 24 h', `${kWhText(total.day)} · ${costText(total.day, tariff)}`],
    [
      'Last 30 days',
      `${kWhText(total.month)} · ${costText(total.month, tariff)}`,
    ],
    ['Not measured', `${total.notMeasured} device(s), not counted`],
  ];
  return (
    <Grid container spacing={3}>
      {figures.map(([label, value]) => (
        <Grid item xs={12} sm={6} md={3} key={label}>
          <Typography variant="overline" color="textSecondary">
            {label}
          </Typography>
          <Typography variant="h5" component="p">
            {value}
          </Typography>
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * Capacity & Power: every device's draw with where it comes from
 * (measured, estimated from the inventory, or not measured), stacked over
 * the last week, what it cost, and the shares of clusters and apps by CPU
 * use.
 */
export function PowerPage() {
  const api = useApi(homelabApiRef);
  const power = useAsyncRetry(() => api.getPower(), [api]);
  if (power.loading && !power.value) return <Progress />;
  if (power.error) return <ResponseErrorPanel error={power.error} />;
  const { power: report, freshness } = power.value!;
  const tariffText = report.tariff
    ? `${report.tariff.pricePerKWh} ${
        report.tariff.currency
      }/kWh${report.tariff.periods
        .map(p => `, ${p.name} ${p.from}–${p.to} ${p.pricePerKWh}`)
        .join('')} (${report.tariff.timeZone})`
    : 'no tariff configured (homelab.power.tariff): energy without cost';
  return (
    <>
      <FreshnessNotice freshness={freshness} />
      {report.warnings.map(warning => (
        <Alert severity="warning" key={warning} style={{ marginBottom: 16 }}>
          {warning}
        </Alert>
      ))}
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard
            title="Power"
            subheader={`Built ${formatTime(
              report.generatedAt,
            )} · ${tariffText}`}
          >
            <PowerTotals report={report} />
            <PowerHistoryChart
              devices={report.devices}
              generatedAt={report.generatedAt}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <DevicePowerTable report={report} />
        </Grid>
        <Grid item xs={12}>
          <PowerSharesTable
            report={report}
            kinds={['app', 'unattributed']}
            title="Apps, by CPU share"
          />
        </Grid>
        <Grid item xs={12}>
          <PowerSharesTable
            report={report}
            kinds={['cluster', 'node', 'virtual-machine']}
            title="Clusters, nodes and VMs"
          />
        </Grid>
        <Grid item xs={12}>
          <CapacitySection />
        </Grid>
      </Grid>
    </>
  );
}

import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { useQueryParams } from '../shared/useQueryParams';
import { SloDetail } from './SloDetail';
import { SloTable } from './SloTable';

/**
 * Every SLO of the homelab (OpenSLO files and annotations, Sloth and Pyrra
 * objects) with its latest evaluation; a selected SLO shows its error-budget
 * burn-down beside the table. Selection lives in the URL (?slo=).
 */
export function SloPage() {
  const api = useApi(homelabApiRef);
  const [params, update] = useQueryParams();
  const selected = params.get('slo') ?? undefined;
  const slos = useAsyncRetry(() => api.getSlos(), [api]);

  if (slos.loading && !slos.value) return <Progress />;
  if (slos.error) return <ResponseErrorPanel error={slos.error} />;
  const items = slos.value?.items ?? [];
  if (!items.length) {
    return (
      <>
        <FreshnessNotice freshness={slos.value?.freshness ?? []} />
        <EmptyState
          missing="data"
          title="No SLOs defined"
          description="Define SLOs as OpenSLO documents (homelab.slos.files, or the homelab.dev/openslo annotation of a component), or as Sloth or Pyrra objects in a cluster, and configure homelab.prometheus."
        />
      </>
    );
  }
  const choose = (id: string) =>
    update({ slo: id === selected ? undefined : id });
  return (
    <>
      <FreshnessNotice freshness={slos.value!.freshness} />
      <Grid container spacing={3}>
        <Grid item xs={12} lg={selected ? 8 : 12}>
          <SloTable slos={items} selected={selected} onSelect={choose} />
        </Grid>
        {selected && (
          // Beside the table on a wide screen, staying in view while it scrolls.
          <Grid item xs={12} lg={4}>
            <div style={{ position: 'sticky', top: 16 }}>
              <SloDetail id={selected} />
            </div>
          </Grid>
        )}
      </Grid>
    </>
  );
}

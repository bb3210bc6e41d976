import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { BackupsTable, CertificatesTable } from './RecoveryTables';
import { partText, useRecovery } from './useRecovery';

/**
 * The Security tab's backups and certificates: every backup set and
 * certificate of the homelab (or of the selected cluster), worst first,
 * with the sources that are not current said so.
 */
export function RecoverySection(props: { cluster?: string }) {
  const recovery = useRecovery({ cluster: props.cluster });
  if (recovery.loading && !recovery.value) return <Progress />;
  if (recovery.error) return <ResponseErrorPanel error={recovery.error} />;
  const { backups, certificates } = recovery.value!;
  const where = props.cluster ? ` in ${props.cluster}` : '';
  return (
    <>
      <FreshnessNotice
        freshness={[...backups.freshness, ...certificates.freshness]}
      />
      <Grid container spacing={3}>
        <Grid item xs={12}>
          {backups.items.length ? (
            <BackupsTable
              title={`Backups${where}${partText(backups)}`}
              items={backups.items}
              paging
            />
          ) : (
            <EmptyState
              missing="data"
              title={`No backups collected${where}`}
              description="The backups collector reads Velero Schedules and Backups, Longhorn Backups and k3s etcd snapshots from every cluster under homelab.clusters; none was found."
            />
          )}
        </Grid>
        <Grid item xs={12}>
          {certificates.items.length ? (
            <CertificatesTable
              title={`Certificates${where}${partText(certificates)}`}
              items={certificates.items}
              paging
            />
          ) : (
            <EmptyState
              missing="data"
              title={`No certificates collected${where}`}
              description="The certificates collector reads cert-manager Certificates from every cluster under homelab.clusters; none was found."
            />
          )}
        </Grid>
      </Grid>
    </>
  );
}

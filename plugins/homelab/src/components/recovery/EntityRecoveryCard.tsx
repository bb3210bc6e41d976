import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  BackupSet,
  Certificate,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { pendingCard } from '../entity/pendingCard';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { StatusChip } from '../shared/StatusChip';
import {
  BACKUP_STATES,
  backupSetTitle,
  CERTIFICATE_STATES,
  expiryText,
  lastSuccessText,
} from './recoveryText';
import { useRecovery } from './useRecovery';

const TITLE = 'Backups and certificates';

/** One line: the state, what it is, and the figure that matters. */
function Line(props: {
  state: { status: 'ok' | 'warning' | 'error' | 'unknown'; label: string };
  what: string;
  figure: string;
  reason: string;
}) {
  return (
    <Box component="li" mb={1}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ columnGap: 8 }}
      >
        <StatusChip {...props.state} />
        <Typography variant="body2" component="span">
          {`${props.what}: ${props.figure}`}
        </Typography>
      </Box>
      <Typography variant="caption" color="textSecondary" component="p">
        {props.reason}
      </Typography>
    </Box>
  );
}

const list = { margin: 0, paddingLeft: 0, listStyle: 'none' } as const;

function BackupLines(props: { items: BackupSet[]; none: string }) {
  if (!props.items.length)
    return <Typography variant="body2">{props.none}</Typography>;
  return (
    <ul style={list} aria-label="Backups">
      {props.items.map(set => (
        <Line
          key={set.id}
          state={BACKUP_STATES[set.state]}
          what={`${backupSetTitle(set)} (${set.cluster})`}
          figure={`last success ${lastSuccessText(set)}`}
          reason={set.reason}
        />
      ))}
    </ul>
  );
}

function CertificateLines(props: { items: Certificate[] }) {
  if (!props.items.length)
    return (
      <Typography variant="body2">
        No certificate is collected for it.
      </Typography>
    );
  return (
    <ul style={list} aria-label="Certificates">
      {props.items.map(c => (
        <Line
          key={c.id}
          state={CERTIFICATE_STATES[c.state]}
          what={c.dnsNames.join(', ') || `${c.namespace}/${c.name}`}
          figure={`expires ${expiryText(c)}`}
          reason={c.reason}
        />
      ))}
    </ul>
  );
}

/**
 * An app's or cluster's backups, each with its last success against the
 * recovery point objective, and its certificates with the days to expiry;
 * what could not be read lately said so, never shown as current.
 */
export function EntityRecoveryCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const recovery = useRecovery({ entityRef });
  const pending = pendingCard(TITLE, recovery);
  if (pending) return pending;
  const { backups, certificates } = recovery.value!;
  const isCluster = entity.spec?.type === HOMELAB_RESOURCE_TYPES.cluster;
  return (
    <InfoCard title={TITLE}>
      <FreshnessNotice
        freshness={[...backups.freshness, ...certificates.freshness]}
      />
      <Typography variant="h6" component="h3">
        Backups
      </Typography>
      <BackupLines
        items={backups.items}
        none={
          isCluster
            ? 'No backup of this cluster is collected.'
            : "No backup is collected that covers this app's namespaces."
        }
      />
      <Typography variant="h6" component="h3" style={{ marginTop: 16 }}>
        Certificates
      </Typography>
      <CertificateLines items={certificates.items} />
    </InfoCard>
  );
}

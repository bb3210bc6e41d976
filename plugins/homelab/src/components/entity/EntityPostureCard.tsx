import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { formatTime } from '../shared/formatTime';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { Score } from '../shared/Score';
import { misconfigurationTotal } from '../shared/misconfigurationTotal';
import { GRADED_SEVERITIES, SeverityChip } from '../shared/SeverityChip';
import { pendingCard } from './pendingCard';
import { useHomelabLink } from './useHomelabLink';

/**
 * The entity's security posture in each cluster it runs in: score and
 * vulnerability counts, with a link to its findings. Shows nothing for an
 * entity no report mentions.
 */
export function EntityPostureCard() {
  const { entity } = useEntity();
  const api = useApi(homelabApiRef);
  const link = useHomelabLink();
  const entityRef = stringifyEntityRef(entity);
  const summaries = useAsyncRetry(
    () => api.getPostureSummaries({ scope: 'entity', entityRef }),
    [api, entityRef],
  );
  const pending = pendingCard('Security posture', summaries);
  if (pending) return pending;
  const items = summaries.value?.items ?? [];
  if (!items.length) return null;
  return (
    <InfoCard
      title="Security posture"
      deepLink={{
        title: 'All findings',
        link: link('security', { entity: entityRef }),
      }}
    >
      <FreshnessNotice freshness={summaries.value!.freshness} />
      {items.map(summary => (
        <Box key={summary.key} mb={2}>
          <Box display="flex" alignItems="baseline" style={{ gap: 8 }}>
            <Score value={summary.score} variant="h6" />
            <Typography variant="body2">
              in {summary.cluster} · {summary.workloads} workloads · collected{' '}
              {formatTime(summary.collectedAt)}
            </Typography>
          </Box>
          <Box display="flex" flexWrap="wrap" style={{ gap: 4 }} mt={1}>
            {GRADED_SEVERITIES.map(severity => (
              <SeverityChip
                key={severity}
                severity={severity}
                count={summary.vulnerabilities[severity]}
              />
            ))}
            <Typography variant="body2" color="textSecondary">
              {misconfigurationTotal(summary)} misconfigurations,{' '}
              {summary.policy.fail} policy failures
            </Typography>
          </Box>
        </Box>
      ))}
    </InfoCard>
  );
}

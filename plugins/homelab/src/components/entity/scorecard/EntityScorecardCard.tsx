import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  runScorecardChecks,
  ScorecardResult,
} from '../../../api/scorecardChecks';
import { pendingCard } from '../pendingCard';
import { ScorecardCheck } from './ScorecardCheck';

/** "4 of 6 passed · 1 failed · 1 not known". */
function summary(results: ScorecardResult[]) {
  const count = (result: boolean | null) =>
    results.filter(r => r.result === result).length;
  return [
    `${count(true)} of ${results.length} passed`,
    `${count(false)} failed`,
    `${count(null)} not known`,
  ].join(' · ');
}

/**
 * The entity's scorecard: each tech-insights check run on its latest facts
 * (SLO defined, backups within RPO, no critical vulnerabilities, Flux Ready,
 * certificates valid, inventory valid), passed, failed or not known, with
 * the reason.
 */
export function EntityScorecardCard() {
  const { entity } = useEntity();
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const entityRef = stringifyEntityRef(entity);
  const checks = useAsyncRetry(
    () =>
      runScorecardChecks(discoveryApi, fetchApi, getCompoundEntityRef(entity)),
    [discoveryApi, fetchApi, entityRef],
  );
  const pending = pendingCard('Scorecard', checks);
  if (pending) return pending;
  const results = checks.value!;
  if (!results.length) {
    return (
      <InfoCard title="Scorecard">
        <Typography variant="body2">
          The tech-insights backend has no checks to run: add its homelab module
          (@homelab/plugin-tech-insights-backend-module-homelab).
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard title="Scorecard" subheader={summary(results)} noPadding>
      {/* Not dense: Backstage's theme cuts a dense item's text to one line. */}
      <List>
        {results.map(result => (
          <ScorecardCheck key={result.check.id} result={result} />
        ))}
      </List>
    </InfoCard>
  );
}

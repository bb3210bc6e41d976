import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { SloTable } from '../SloPage/SloTable';
import { pendingCard } from './pendingCard';
import { useHomelabLink } from './useHomelabLink';

/** The entity's SLOs with budget and state. Shows nothing for an entity without SLOs. */
export function EntitySloCard() {
  const { entity } = useEntity();
  const api = useApi(homelabApiRef);
  const link = useHomelabLink();
  const entityRef = stringifyEntityRef(entity);
  const slos = useAsyncRetry(
    () => api.getSlos({ entityRef }),
    [api, entityRef],
  );
  const pending = pendingCard('SLOs', slos);
  if (pending) return pending;
  const items = slos.value?.items ?? [];
  if (!items.length) return null;
  return (
    <InfoCard
      title="SLOs"
      deepLink={{
        title: 'SLO dashboard',
        link: link('slos', { slo: items[0].slo.id }),
      }}
      noPadding
    >
      <FreshnessNotice freshness={slos.value!.freshness} />
      <SloTable slos={items} title="" dense />
    </InfoCard>
  );
}

import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  getHomelabSpec,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import useAsync from 'react-use/esm/useAsync';
import { homelabApiRef } from '../../api/HomelabApi';
import { Facts } from '../shared/Facts';
import { rangeText } from '../shared/addressRanges';
import { errorMessage } from '../shared/errorMessage';
import { formatTime } from '../shared/formatTime';
import { list } from './EntityNetworkCard';
import { poolAddressUse } from './poolAddressUse';

/** How many of the pool's addresses services hold, and which; or why that is not known. */
function useAddressUse(size: number | undefined, cluster: string | undefined) {
  const { entity } = useEntity();
  const api = useApi(homelabApiRef);
  const use = useAsync(
    async () =>
      poolAddressUse(await api.getTopology({ workloads: 'folded' }), {
        entityRef: stringifyEntityRef(entity),
        cluster,
      }),
    [api, entity, cluster],
  );
  if (use.loading) return { inUse: 'reading the cluster’s services…' };
  if (use.error) return { inUse: `not known: ${errorMessage(use.error)}` };
  const value = use.value!;
  if (!value.known) return { inUse: `not known: ${value.reason}` };
  const stale = value.staleSince
    ? ` (as of ${formatTime(value.staleSince)}; the last reading failed)`
    : '';
  return {
    inUse: `${value.addresses.length}${
      size === undefined ? '' : ` of ${size}`
    } addresses${stale}`,
    held: list(
      value.addresses.map(a =>
        a.service ? `${a.address} — ${a.service}` : a.address,
      ),
    ),
  };
}

/** A load-balancer pool: its addresses, their number, who hands them out, and which are in use. */
export function EntityIpPoolCard() {
  const { entity } = useEntity();
  const spec = getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.ipPool>(entity);
  const { inUse, held } = useAddressUse(spec.size, spec.cluster);
  return (
    <InfoCard title="Address pool">
      <Facts
        rows={[
          [
            'Addresses',
            list((spec.addresses ?? []).map(r => rangeText(r.start, r.end))),
          ],
          ['Size', `${spec.size} addresses`],
          ['In use', inUse],
          ['Held by', held],
          ['Cluster', spec.cluster],
          ['Network', spec.network],
          ['Handed out by', [spec.type, spec.mode].filter(Boolean).join(', ')],
        ]}
      />
    </InfoCard>
  );
}

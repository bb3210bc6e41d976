import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  getHomelabSpec,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import { Facts } from '../shared/Facts';
import { rangeText } from '../shared/addressRanges';
import { list } from './EntityNetworkCard';

/** A load-balancer pool: its addresses, their number, and who hands them out. */
export function EntityIpPoolCard() {
  const { entity } = useEntity();
  const spec = getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.ipPool>(entity);
  return (
    <InfoCard title="Address pool">
      <Facts
        rows={[
          [
            'Addresses',
            list((spec.addresses ?? []).map(r => rangeText(r.start, r.end))),
          ],
          ['Size', `${spec.size} addresses`],
          ['Cluster', spec.cluster],
          ['Network', spec.network],
          ['Handed out by', [spec.type, spec.mode].filter(Boolean).join(', ')],
        ]}
      />
    </InfoCard>
  );
}

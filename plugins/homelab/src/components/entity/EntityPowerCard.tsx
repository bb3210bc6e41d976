import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  DevicePower,
  PowerConsumer,
  PowerReport,
} from '@homelab/plugin-homelab-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';
import { costText, kWhText, wattsText } from '../PowerPage/powerFormat';
import { Facts } from '../shared/Facts';
import { formatTime } from '../shared/formatTime';
import { pendingCard } from './pendingCard';
import { useHomelabLink } from './useHomelabLink';

const SOURCE_TEXT = {
  measured: 'Measured',
  estimated: 'Estimated',
  'not-measured': 'Not measured',
  mixed: 'Measured and estimated',
} as const;

const energyText = (
  energy: DevicePower['day'],
  tariff: PowerReport['tariff'],
) =>
  energy ? `${kWhText(energy)} · ${costText(energy, tariff)}` : 'not measured';

function deviceRows(
  device: DevicePower,
  tariff: PowerReport['tariff'],
): Array<[string, string | undefined]> {
  return [
    ['Source', `${SOURCE_TEXT[device.source]}: ${device.basis}`],
    ['Now', device.watts === null ? 'not measured' : wattsText(device.watts)],
    [
      'Inventory figure',
      device.inventoryWatts === undefined
        ? undefined
        : wattsText(device.inventoryWatts),
    ],
    ['Last 24 h', energyText(device.day, tariff)],
    ['Last 30 days', energyText(device.month, tariff)],
    [
      'Latest measurement',
      device.measuredAt ? formatTime(device.measuredAt) : undefined,
    ],
  ];
}

function shareRows(
  shares: PowerConsumer[],
  tariff: PowerReport['tariff'],
): Array<[string, string]> {
  return shares.map(share => [
    `${share.cluster ? `In ${share.cluster}` : 'Share'} (${SOURCE_TEXT[
      share.source
    ].toLocaleLowerCase('en-US')})`,
    `${wattsText(share.watts)} now · ${energyText(
      share.month,
      tariff,
    )} in 30 days`,
  ]);
}

/**
 * The power of a device (its draw, where it comes from, energy and cost),
 * or the share a VM, node, cluster or app has of its devices' draw by CPU
 * use. Shows nothing for an entity the power report does not cover.
 */
export function EntityPowerCard() {
  const { entity } = useEntity();
  const api = useApi(homelabApiRef);
  const link = useHomelabLink();
  const entityRef = stringifyEntityRef(entity);
  const power = useAsyncRetry(() => api.getPower(), [api]);
  const pending = pendingCard('Power', power);
  if (pending) return pending;
  const report = power.value!.power;
  const device = report.devices.find(d => d.entityRef === entityRef);
  const shares = report.consumers.filter(
    c => c.entityRef === entityRef && c.kind !== 'unattributed',
  );
  if (!device && !shares.length) return null;
  return (
    <InfoCard
      title="Power"
      deepLink={{ title: 'Power of the homelab', link: link('power') }}
    >
      <Facts
        rows={
          device
            ? deviceRows(device, report.tariff)
            : shareRows(shares, report.tariff)
        }
      />
    </InfoCard>
  );
}

import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  getHomelabSpec,
  HOMELAB_RESOURCE_TYPES,
  RELATION_CONNECTION_OF,
} from '@homelab/plugin-homelab-common';
import { Facts } from '../shared/Facts';
import { hostCount, rangeSize, rangeText } from '../shared/addressRanges';
import { DriftAlert } from './DriftAlert';

export const list = (items: string[]) =>
  items.length ? (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {items.map(item => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  ) : undefined;

const total = (ranges: Array<{ start: string; end?: string }> = []) =>
  ranges.reduce((sum, r) => sum + (rangeSize(r.start, r.end) ?? 0), 0);

/** A VLAN's address plan: block, gateway, ranges, and how its addresses are used. */
function VlanFacts() {
  const { entity } = useEntity();
  const spec = getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.network>(entity);
  if (spec.kind !== 'vlan') return null;
  const cidr = spec.cidr === 'unknown' ? undefined : spec.cidr;
  const hosts = cidr ? hostCount(cidr) : undefined;
  const attached = (entity.relations ?? []).filter(
    r => r.type === RELATION_CONNECTION_OF,
  ).length;
  const dhcp = total(spec.dhcp);
  const reserved = total(spec.reserved);
  return (
    <>
      <Facts
        rows={[
          ['VLAN', spec.vlan === undefined ? 'untagged' : String(spec.vlan)],
          ['CIDR', cidr ?? 'not known'],
          ['Gateway', spec.gateway ?? 'not stated'],
          ['DHCP', list((spec.dhcp ?? []).map(r => rangeText(r.start, r.end)))],
          [
            'Reserved',
            list(
              (spec.reserved ?? []).map(
                r => `${rangeText(r.start, r.end)}: ${r.purpose}`,
              ),
            ),
          ],
          [
            'Addresses',
            hosts === undefined
              ? undefined
              : `${hosts} host addresses: ${dhcp} by DHCP, ${reserved} reserved`,
          ],
          ['Attached', `${attached} ${attached === 1 ? 'device' : 'devices'}`],
          ['Internet', spec.internet ?? 'not stated'],
          ['Wireless', list((spec.ssids ?? []).map(s => s.name))],
          ['Purpose', spec.purpose],
          ['Status', spec.status === 'active' ? undefined : spec.status],
        ]}
      />
      <DriftAlert drift={spec.drift} source="its live sources" />
    </>
  );
}

/** A WAN uplink: kind, role, provider and bandwidth. */
function WanFacts() {
  const { entity } = useEntity();
  const spec = getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.network>(entity);
  if (spec.kind !== 'wan') return null;
  const bandwidth =
    spec.downlinkMbps || spec.uplinkMbps
      ? `${spec.downlinkMbps ?? '?'} / ${spec.uplinkMbps ?? '?'} Mbit/s`
      : undefined;
  return (
    <Facts
      rows={[
        ['Type', spec.type === 'unknown' ? 'not known' : spec.type],
        ['Role', spec.role],
        ['Provider', spec.provider],
        ['Down / up', bandwidth],
      ]}
    />
  );
}

/**
 * A network's card: a VLAN's block, gateway, DHCP and reserved ranges, how
 * many of its addresses are left for static use and how many devices attach
 * to it; a WAN uplink's kind and bandwidth.
 */
export function EntityNetworkCard() {
  const { entity } = useEntity();
  const spec = getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.network>(entity);
  return (
    <InfoCard title={spec.kind === 'wan' ? 'Uplink' : 'Network'}>
      <VlanFacts />
      <WanFacts />
    </InfoCard>
  );
}

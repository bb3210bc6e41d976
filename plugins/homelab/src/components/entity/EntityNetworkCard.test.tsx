import { screen } from '@testing-library/react';
import { render, resource } from './__testUtils__/renderEntityCard';
import { EntityIpPoolCard } from './EntityIpPoolCard';
import { EntityNetworkCard } from './EntityNetworkCard';

// The example homelab's serverlan, as the catalog module emits it
// (examples/homelab/network.yaml).
const serverlan = {
  ...resource('serverlan', 'network', {
    kind: 'vlan',
    status: 'active',
    vlan: 100,
    cidr: '192.168.100.0/24',
    gateway: '192.168.100.1',
    dhcp: [
      { start: '192.168.100.150', end: '192.168.100.159' },
      { start: '192.168.100.200', end: '192.168.100.254' },
    ],
    reserved: [
      {
        start: '192.168.100.14',
        purpose: 'RK1 module 4 in Turing Pi slot 4 (future worker + Longhorn)',
      },
    ],
    purpose: 'Trusted Server Infrastructure',
  }),
  relations: ['rk1-1', 'rk1-2', 'nas'].map(name => ({
    type: 'connectionOf',
    targetRef: `resource:default/${name}`,
  })),
};

describe('EntityNetworkCard', () => {
  it("shows a VLAN's block, gateway, ranges, address use and attached devices", async () => {
    await render(<EntityNetworkCard />, serverlan);

    expect(await screen.findByText('192.168.100.0/24')).toBeInTheDocument();
    expect(screen.getByText('100')).toBeInTheDocument();
    expect(screen.getByText('192.168.100.1')).toBeInTheDocument();
    expect(
      screen.getByText('192.168.100.150–192.168.100.159 (10 addresses)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('192.168.100.200–192.168.100.254 (55 addresses)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '192.168.100.14: RK1 module 4 in Turing Pi slot 4 (future worker + Longhorn)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('254 host addresses: 65 by DHCP, 1 reserved'),
    ).toBeInTheDocument();
    expect(screen.getByText('3 devices')).toBeInTheDocument();
    expect(screen.getByText('not stated')).toBeInTheDocument(); // internet
  });

  it('says what is not known instead of inventing it, and shows drift from a live source', async () => {
    await render(
      <EntityNetworkCard />,
      resource('lte', 'network', {
        kind: 'vlan',
        status: 'active',
        cidr: 'unknown',
        drift: ['NetBox "home" says vlan "40", the inventory "41"'],
      }),
    );

    expect(await screen.findByText('not known')).toBeInTheDocument();
    expect(screen.getByText('untagged')).toBeInTheDocument();
    expect(screen.queryByText(/host addresses/)).toBeNull();
    expect(
      screen.getByText('NetBox "home" says vlan "40", the inventory "41"'),
    ).toBeInTheDocument();
  });

  it("shows a WAN uplink's kind, role and bandwidth", async () => {
    await render(
      <EntityNetworkCard />,
      resource('fiber', 'network', {
        kind: 'wan',
        status: 'active',
        type: 'fiber',
        role: 'primary',
        provider: 'Telia',
        downlinkMbps: 1000,
        uplinkMbps: 1000,
      }),
    );

    expect(await screen.findByText('Uplink')).toBeInTheDocument();
    expect(screen.getByText('1000 / 1000 Mbit/s')).toBeInTheDocument();
    expect(screen.getByText('Telia')).toBeInTheDocument();
  });
});

describe('EntityIpPoolCard', () => {
  it("shows a pool's addresses, size, cluster and implementation", async () => {
    await render(
      <EntityIpPoolCard />,
      resource('production-pool', 'ip-pool', {
        cluster: 'production',
        network: 'serverlan',
        type: 'metallb',
        mode: 'l2',
        addresses: [{ start: '192.168.100.160', end: '192.168.100.179' }],
        size: 20,
      }),
    );

    expect(
      await screen.findByText('192.168.100.160–192.168.100.179 (20 addresses)'),
    ).toBeInTheDocument();
    expect(screen.getByText('20 addresses')).toBeInTheDocument();
    expect(screen.getByText('metallb, l2')).toBeInTheDocument();
  });
});

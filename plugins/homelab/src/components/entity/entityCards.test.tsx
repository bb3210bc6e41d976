import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeHomelabApi } from '../../__testUtils__/fixtures';
import {
  cluster,
  nextcloud,
  render,
  resource,
} from './__testUtils__/renderEntityCard';
import { EntityClusterOverview } from './EntityClusterOverview';
import { EntityDriftCard } from './EntityDriftCard';
import { EntityHardwareCard } from './EntityHardwareCard';
import { EntityPostureCard } from './EntityPostureCard';
import { EntitySloCard } from './EntitySloCard';

// Everything allowed; entityCards.denied.test.tsx has the refusals.
describe('EntityHardwareCard', () => {
  it("shows a device's specs as the docs word them", async () => {
    await render(
      <EntityHardwareCard />,
      resource('rk1-1', 'device', {
        kind: 'compute-module',
        vendor: 'Turing Machines',
        model: 'RK1',
        architecture: 'arm64',
        cpu: { model: 'Rockchip RK3588', cores: 8 },
        memoryGB: 32,
        accelerators: [{ type: 'npu', tops: 6, count: 1 }],
        disks: [{ type: 'nvme', sizeGB: 1000, count: 1, role: 'data' }],
        power: { typicalW: 5 },
        os: { name: 'Talos Linux' },
        interfaces: [
          { network: 'serverlan', address: '192.168.100.11', speedGbps: 1 },
        ],
        slot: { board: 'resource:default/turing-pi-2', number: 1 },
      }),
    );
    expect(
      await screen.findByText('Rockchip RK3588, 8-core ARM64'),
    ).toBeInTheDocument();
    expect(screen.getByText('6 TOPS NPU')).toBeInTheDocument();
    expect(screen.getByText('1TB NVMe')).toBeInTheDocument();
    expect(screen.getByText('Talos Linux (immutable)')).toBeInTheDocument();
    expect(
      screen.getByText('192.168.100.11 on serverlan (Gigabit Ethernet)'),
    ).toBeInTheDocument();
    expect(screen.getByText('slot 1 of turing-pi-2')).toBeInTheDocument();
  });

  it('shows which of a board’s slots are used and how many are free', async () => {
    await render(<EntityHardwareCard />, {
      ...resource('turing-pi-2', 'device', {
        kind: 'cluster-board',
        slots: 4,
      }),
      relations: ['rk1-1', 'rk1-2', 'rk1-3'].map(name => ({
        type: 'hosts',
        targetRef: `resource:default/${name}`,
      })),
    });
    expect(
      await screen.findByText('4 — 3 used (rk1-1, rk1-2, rk1-3), 1 free'),
    ).toBeInTheDocument();
  });

  it('shows the host a virtual machine runs on', async () => {
    await render(
      <EntityHardwareCard />,
      resource('docker-vm', 'virtual-machine', {
        kind: 'virtual-machine',
        vmid: 100,
        architecture: 'amd64',
        hostedOn: 'resource:default/proxmox',
      }),
    );
    expect(await screen.findByText('proxmox, VM 100')).toBeInTheDocument();
  });

  it('says where a live source and the inventory disagree about a device', async () => {
    await render(
      <EntityHardwareCard />,
      resource('pve1', 'device', {
        kind: 'server',
        model: 'MS-01 (i9-13900H)',
        drift: [
          'NetBox "home" says model "MS-01", the inventory "MS-01 (i9-13900H)"',
        ],
      }),
    );
    expect(
      await screen.findByText(
        'Drift between the inventory and its live sources:',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'NetBox "home" says model "MS-01", the inventory "MS-01 (i9-13900H)"',
      ),
    ).toBeInTheDocument();
  });

  it('shows no drift for a device its sources agree with', async () => {
    await render(
      <EntityHardwareCard />,
      resource('nas', 'device', { kind: 'nas', model: 'DS920+' }),
    );
    expect(await screen.findByText('DS920+')).toBeInTheDocument();
    expect(screen.queryByText(/Drift between/)).toBeNull();
  });

  it("shows what a node's cluster reports, stale facts as stale, and drift", async () => {
    await render(
      <EntityHardwareCard />,
      resource('production-rk1-2', 'kubernetes-node', {
        cluster: 'production',
        roles: ['worker', 'storage'],
        hostedOn: 'resource:default/rk1-2',
        presence: 'in-inventory-and-cluster',
        live: {
          observedAt: '2026-11-22T09:00:00Z',
          stale: true,
          error: 'GET /api/v1/nodes answered 503',
          kubeletVersion: 'v1.31.2',
          ready: 'True',
          capacity: { cpu: '8', memory: '32597628Ki', pods: '110' },
        },
        drift: ['architecture: inventory amd64, cluster arm64'],
      }),
    );
    expect(
      await screen.findByText(
        /Stale: the cluster could not be read; facts from 2026-11-22 09:00 UTC \(GET \/api\/v1\/nodes answered 503\)/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('v1.31.2')).toBeInTheDocument();
    // Memory in units people read, not the kubelet's Ki.
    expect(
      screen.getByText('8 cores, 31.1 GiB memory, 110 pods'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('architecture: inventory amd64, cluster arm64'),
    ).toBeInTheDocument();
  });
});

describe('EntityPostureCard', () => {
  it("shows the entity's score and counts per cluster, linking to its findings", async () => {
    await render(<EntityPostureCard />, nextcloud);
    expect(
      await screen.findByText(/in production · 2 workloads/),
    ).toBeInTheDocument();
    expect(screen.getByText('44')).toBeInTheDocument();
    expect(screen.getByText('critical 6')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All findings/ })).toHaveAttribute(
      'href',
      '/homelab/security?entity=component%3Adefault%2Fnextcloud',
    );
  });

  it('shows nothing for an entity no report mentions', async () => {
    const api = fakeHomelabApi({
      getPostureSummaries: async () => ({ items: [], freshness: [] }),
    });
    const { container } = await render(<EntityPostureCard />, nextcloud, {
      api,
    });
    await waitFor(() => expect(api.getPostureSummaries).toHaveBeenCalled());
    await waitFor(() =>
      expect(screen.queryByText('Security posture')).toBeNull(),
    );
    expect(container.textContent).toBe('');
  });
});

describe('EntitySloCard', () => {
  it("shows the entity's SLOs with budget and state", async () => {
    await render(<EntitySloCard />, nextcloud);
    expect(
      await screen.findByText('Nextcloud availability'),
    ).toBeInTheDocument();
    expect(screen.getByText('Breaching')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /SLO dashboard/ })).toHaveAttribute(
      'href',
      '/homelab/slos?slo=nextcloud',
    );
  });
});

describe('EntityDriftCard', () => {
  it("shows each environment's version and offers to promote the one behind", async () => {
    await render(<EntityDriftCard />, nextcloud);
    expect(
      await screen.findByText('nextcloud: production behind'),
    ).toBeInTheDocument();
    const promote = screen.getByRole('link', { name: 'Promote from staging' });
    const href = new URL(promote.getAttribute('href')!, 'http://portal');
    expect(href.pathname).toBe('/create/templates/default/promote-release');
    expect(JSON.parse(href.searchParams.get('formData')!)).toEqual({
      app: 'nextcloud',
      from: 'system:default/staging',
      to: 'system:default/production',
    });
  });
});

describe('EntityClusterOverview', () => {
  const node = resource('production-rk1-1', 'kubernetes-node', {
    cluster: 'production',
    nodeName: 'rk1-1',
    roles: ['control-plane', 'worker'],
    presence: 'both',
    live: {
      ready: 'True',
      kubeletVersion: 'v1.31.2',
      osImage: 'Talos (v1.8.3)',
    },
  });

  it('shows the facts, nodes and Flux objects, and reconciles on request', async () => {
    const api = fakeHomelabApi();
    const { alertApi } = await render(<EntityClusterOverview />, cluster, {
      api,
      catalogEntities: [node],
    });
    expect(await screen.findByText('10.244.0.0/16')).toBeInTheDocument();
    expect(await screen.findByText('Talos (v1.8.3)')).toBeInTheDocument();
    const release = (await screen.findByText('flux-system/nextcloud')).closest(
      'tr',
    )!;
    expect(within(release).getByText('Ready')).toBeInTheDocument();
    expect(screen.getByText('main@sha1:4f8c2a91')).toBeInTheDocument();
    fireEvent.click(within(release).getByRole('button', { name: 'Reconcile' }));
    await waitFor(() =>
      expect(api.reconcileFluxObject).toHaveBeenCalledWith({
        cluster: 'production',
        kind: 'HelmRelease',
        namespace: 'flux-system',
        name: 'nextcloud',
      }),
    );
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          message: 'HelmRelease flux-system/nextcloud: reconcile requested',
        }),
      ),
    );
    const suspended = screen
      .getByText('flux-system/home-assistant')
      .closest('tr')!;
    expect(
      within(suspended).getByRole('button', { name: 'Resume' }),
    ).toBeInTheDocument();
  });

  it('disables the actions of a recorded snapshot before anyone clicks, saying why', async () => {
    const base = fakeHomelabApi();
    const reason =
      'cluster "production" is a recorded snapshot and cannot be changed';
    const api = fakeHomelabApi({
      getFluxObjects: async query => ({
        ...(await base.getFluxObjects(query)),
        clusters: [
          { cluster: 'production', recorded: true, readOnly: true, reason },
        ],
      }),
    });
    await render(<EntityClusterOverview />, cluster, {
      api,
      catalogEntities: [node],
    });
    expect(
      await screen.findByText(
        '4 of 6 ready · 1 not ready · 1 suspended · read-only (recorded snapshot)',
      ),
    ).toBeInTheDocument();
    const release = screen.getByText('flux-system/nextcloud').closest('tr')!;
    const reconcile = within(release).getByRole('button', {
      name: 'Reconcile',
    });
    expect(reconcile).toBeDisabled();
    expect(reconcile.parentElement).toHaveAttribute(
      'title',
      `Reconcile is off: ${reason}`,
    );
    const suspend = within(release).getByRole('button', { name: 'Suspend' });
    expect(suspend).toBeDisabled();
    expect(suspend.parentElement).toHaveAttribute(
      'title',
      `Suspend is off: ${reason}`,
    );
    fireEvent.click(reconcile);
    expect(api.reconcileFluxObject).not.toHaveBeenCalled();
  });

  it("shows and counts Flux 2.7's and the Flux Operator's kinds, offering only the actions each kind supports", async () => {
    await render(<EntityClusterOverview />, cluster, {
      api: fakeHomelabApi(),
      catalogEntities: [node],
    });
    // Every kind counts: nextcloud, the GitRepository, the ArtifactGenerator
    // and the ExternalArtifact are ready; the FluxInstance failed; one
    // release is suspended.
    expect(
      await screen.findByText('4 of 6 ready · 1 not ready · 1 suspended'),
    ).toBeInTheDocument();
    const row = (kind: string, object: string) =>
      screen
        .getAllByRole('row')
        .find(
          r => within(r).queryByText(kind) && within(r).queryByText(object),
        )!;

    const generator = row('ArtifactGenerator', 'flux-system/flux-system');
    expect(
      within(generator).getByText('Generates infrastructure, apps'),
    ).toBeInTheDocument();
    expect(within(generator).getByText('Ready')).toBeInTheDocument();
    expect(
      within(generator).getByRole('button', { name: 'Reconcile' }),
    ).toBeInTheDocument();
    expect(
      within(generator).getByRole('button', { name: 'Suspend' }),
    ).toBeInTheDocument();

    // An ExternalArtifact is its producer's to change: no buttons.
    const artifact = row('ExternalArtifact', 'flux-system/apps');
    expect(
      within(artifact).getByText('From ArtifactGenerator flux-system'),
    ).toBeInTheDocument();
    expect(
      within(artifact).getByText('latest@sha256:d56f6359'),
    ).toBeInTheDocument();
    expect(within(artifact).queryByRole('button')).toBeNull();

    const instance = row('FluxInstance', 'flux-system/flux');
    // What failed leads the table, the suspended release comes after those ready.
    const dataRows = screen
      .getAllByRole('row')
      .filter(r =>
        within(r).queryByText(
          /^(HelmRelease|Kustomization|GitRepository|ArtifactGenerator|ExternalArtifact|FluxInstance)$/,
        ),
      );
    expect(dataRows[0]).toBe(instance);
    expect(
      within(dataRows[dataRows.length - 1]).queryByText('Suspended'),
    ).toBeNull();
    expect(
      within(instance).getByText('ReconciliationFailed'),
    ).toBeInTheDocument();
    expect(
      within(instance).getByText(
        'v2.3.0@sha256:4cc5babd (tried v2.3.1@sha256:0304e3bc)',
      ),
    ).toBeInTheDocument();
    expect(
      within(instance).getByRole('button', { name: 'Suspend' }),
    ).toBeInTheDocument();
  });
});

import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { homelabApiRef } from '../../api/HomelabApi';
import { fakeHomelabApi } from '../../__testUtils__/fixtures';
import { rootRouteRef } from '../../routes';
import { HomePage } from './HomePage';

const catalogApi = {
  getEntities: jest.fn(async () => ({
    items: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'nextcloud',
          namespace: 'default',
          title: 'Nextcloud',
          links: [{ url: 'https://cloud.local.hallonen.se' }],
          annotations: { 'backstage.io/kubernetes-id': 'nextcloud' },
        },
      },
      // A platform service is an entity per cluster, as this plugin's
      // catalog module writes them.
      ...['staging', 'production'].map(cluster => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: `${cluster}-flux`,
          namespace: 'default',
          title: `Flux CD (${cluster})`,
        },
      })),
    ],
  })),
};

const render = (api = fakeHomelabApi()) =>
  renderInTestApp(
    <TestApiProvider
      apis={[
        [homelabApiRef, api],
        [catalogApiRef, catalogApi],
      ]}
    >
      <HomePage />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/homelab': rootRouteRef,
      },
    },
  );

describe('HomePage', () => {
  it('shows each app at a glance: state and why, where to open it, the version per environment, its budget and worst vulnerability', async () => {
    await render();
    const row = (
      await screen.findByRole('link', { name: 'Nextcloud' })
    ).closest('tr')!;
    const cells = within(row as HTMLElement);
    expect(cells.getByText('Failing')).toBeInTheDocument();
    expect(
      cells.getByText('SLO Nextcloud availability: breaching'),
    ).toBeInTheDocument();
    expect(
      cells.getByRole('link', { name: /cloud\.local\.hallonen\.se/ }),
    ).toHaveAttribute('href', 'https://cloud.local.hallonen.se');
    expect(cells.getByText(/6\.6\.4/)).toBeInTheDocument();
    expect(cells.getByText(/6\.5\.2/)).toBeInTheDocument();
    expect(cells.getByRole('link', { name: /-32\.5% left/ })).toHaveAttribute(
      'href',
      '/homelab/slos?slo=nextcloud',
    );
    expect(
      cells.getByRole('link', { name: /critical CVE-2023-45850/ }),
    ).toHaveAttribute(
      'href',
      '/homelab/security?entity=component%3Adefault%2Fnextcloud',
    );
    expect(screen.getByText('Kubernetes nodes up')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '2 of 2' })).toBeInTheDocument();
  });

  it('leaves an SLO with too few events to judge out of the budget column and the app state, saying so', async () => {
    const fake = fakeHomelabApi();
    await render(
      fakeHomelabApi({
        getSlos: async query => {
          const answer = await fake.getSlos(query);
          return {
            ...answer,
            items: answer.items.map(slo =>
              slo.slo.id === 'nextcloud'
                ? { ...slo, state: 'not-enough-data', alert: null }
                : slo,
            ),
          };
        },
      }),
    );
    const row = (
      await screen.findByRole('link', { name: 'Nextcloud' })
    ).closest('tr')!;
    expect(
      within(row as HTMLElement).queryByText(/% left/),
    ).not.toBeInTheDocument();
    // Nor does it count against the app: it is up, with why it is not judged.
    expect(within(row as HTMLElement).getByText('Up')).toBeInTheDocument();
    expect(
      within(row as HTMLElement).getByText(
        'SLO Nextcloud availability: too few events to judge',
      ),
    ).toBeInTheDocument();
  });

  it('finds an app’s catalog entity by its backstage.io/kubernetes-id where drift names none', async () => {
    const api = fakeHomelabApi();
    const { apps, ...rest } = await api.getDrift();
    await render(
      fakeHomelabApi({
        getDrift: async () => ({
          ...rest,
          apps: apps.map(({ entityRef: _, ...app }) => app),
        }),
      }),
    );
    expect(
      await screen.findByRole('link', { name: 'Nextcloud' }),
    ).toHaveAttribute('href', '/catalog/default/component/nextcloud');
  });

  it('tells rows of one title apart by the Flux object each is', async () => {
    const api = fakeHomelabApi();
    const { apps, ...rest } = await api.getDrift();
    // Flux's own Kustomizations belong to their cluster's Flux CD entity,
    // as on the demo's production cluster.
    const kustomization = (name: string) => ({
      ...apps[0],
      app: name,
      releases: apps[0].releases.map(release => ({
        ...release,
        kind: 'Kustomization' as const,
        name,
      })),
    });
    await render(
      fakeHomelabApi({
        getDrift: async () => ({
          ...rest,
          apps: [kustomization('infrastructure'), kustomization('apps')],
        }),
      }),
    );
    const rows = (
      await screen.findAllByRole('link', { name: 'Nextcloud' })
    ).map(link => link.closest('tr')!.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Kustomization apps');
    expect(rows[1]).toContain('Kustomization infrastructure');
  });

  it('shows a platform service of an entity per cluster as one row, each release linking to its own entity and its worst vulnerability of either', async () => {
    const api = fakeHomelabApi();
    const { apps, ...rest } = await api.getDrift();
    const { entityRef: _, ...nextcloud } = apps[0];
    const flux = {
      ...nextcloud,
      app: 'flux-system',
      releases: nextcloud.releases.map(release => ({
        ...release,
        kind: 'Kustomization' as const,
        name: 'flux-system',
        entityRef: `component:default/${release.cluster}-flux`,
      })),
    };
    const findings = await api.getPostureFindings({ limit: 2 });
    await render(
      fakeHomelabApi({
        getDrift: async () => ({ ...rest, apps: [flux] }),
        getPostureFindings: async query => ({
          ...findings,
          // Staging's Flux has a critical vulnerability, production's a low one.
          items: [
            query?.entityRef === 'component:default/staging-flux'
              ? {
                  ...findings.items[0],
                  severity: 'critical',
                  checkId: 'CVE-2026-0001',
                }
              : {
                  ...findings.items[1],
                  severity: 'low',
                  checkId: 'CVE-2026-0002',
                },
          ],
        }),
      }),
    );
    const row = (await screen.findByText('Flux CD')).closest('tr')!;
    const cells = within(row as HTMLElement);
    expect(cells.queryByRole('link', { name: 'Flux CD' })).toBeNull();
    expect(
      cells.getByRole('link', { name: /: Flux CD in staging$/ }),
    ).toHaveAttribute('href', '/catalog/default/component/staging-flux');
    expect(
      cells.getByRole('link', { name: /: Flux CD in production$/ }),
    ).toHaveAttribute('href', '/catalog/default/component/production-flux');
    expect(
      cells.getByRole('link', { name: /critical CVE-2026-0001/ }),
    ).toHaveAttribute(
      'href',
      '/homelab/security?entity=component%3Adefault%2Fstaging-flux',
    );
  });

  it('adds no Flux object to the title only one row has', async () => {
    await render();
    const row = (
      await screen.findByRole('link', { name: 'Nextcloud' })
    ).closest('tr')!;
    expect(
      within(row as HTMLElement).queryByText('HelmRelease nextcloud'),
    ).toBeNull();
  });

  it('says "none known" only where the findings were read, and "not known" with why otherwise', async () => {
    const security = (cluster: string, state: 'fresh' | 'never-collected') =>
      ({ source: 'security', cluster, state } as const);
    const noFindings = (freshness: ReturnType<typeof security>[]) =>
      fakeHomelabApi({
        getPostureFindings: async () => ({
          items: [],
          totalCount: 0,
          offset: 0,
          limit: 1,
          freshness,
        }),
      });
    const vulnerabilityCell = async () =>
      within(
        (await screen.findByRole('link', { name: 'Nextcloud' })).closest('tr')!,
      )
        .getAllByRole('cell')
        .pop()!;

    const { unmount } = await render(
      noFindings([
        security('staging', 'fresh'),
        security('production', 'fresh'),
      ]),
    );
    expect(await vulnerabilityCell()).toHaveTextContent(/^none known$/);
    unmount();

    await render(
      noFindings([
        security('staging', 'never-collected'),
        security('production', 'fresh'),
      ]),
    );
    expect(await vulnerabilityCell()).toHaveTextContent(
      "not knownstaging's security reports were never collected",
    );
  });

  it('says so when no app runs yet', async () => {
    await render(
      fakeHomelabApi({
        getDrift: async () => ({ environments: [], apps: [], freshness: [] }),
      }),
    );
    expect(
      await screen.findByText(/No app runs in the clusters yet/),
    ).toBeInTheDocument();
  });
});

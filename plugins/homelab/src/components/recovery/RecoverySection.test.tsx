import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { homelabApiRef } from '../../api/HomelabApi';
import { fakeHomelabApi, staleProduction } from '../../__testUtils__/fixtures';
import { RecoverySection } from './RecoverySection';

const renderSection = (api = fakeHomelabApi(), cluster?: string) =>
  renderInTestApp(
    <TestApiProvider apis={[[homelabApiRef, api]]}>
      <RecoverySection cluster={cluster} />
    </TestApiProvider>,
  );

// The example homelab's /backups and /certificates answers
// (src/__testUtils__/backupsOfExample.json, certificatesOfExample.json).
describe('RecoverySection', () => {
  it('lists the failed Velero backup first and the expired certificate first, with why', async () => {
    await renderSection();
    expect(
      await screen.findByRole('heading', { name: 'Backups' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Certificates' }),
    ).toBeInTheDocument();
    const [backups] = screen.getAllByRole('table');
    const rows = within(backups).getAllByRole('row');
    expect(within(rows[1]).getByText('Failed')).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('Velero schedule hourly-vaultwarden'),
    ).toBeInTheDocument();
    expect(
      within(rows[1]).getByText(/connect: connection refused$/),
    ).toBeInTheDocument();
    expect(
      within(backups).getAllByText('12h ago (no RPO stated)').length,
    ).toBeGreaterThan(0);

    const certificates = screen
      .getByText('*.staging.hallonen.se')
      .closest('table')!;
    const first = within(certificates).getAllByRole('row')[1];
    expect(within(first).getByText('Expired')).toBeInTheDocument();
    expect(
      within(first).getByText('*.staging.hallonen.se'),
    ).toBeInTheDocument();
    expect(within(first).getByText('expired 6 day(s) ago')).toBeInTheDocument();
    expect(
      within(certificates).getByText('vault.local.hallonen.se'),
    ).toBeInTheDocument();
    expect(within(certificates).getByText('in 5 day(s)')).toBeInTheDocument();
  });

  it('asks for the selected cluster only, and says what is stale', async () => {
    const api = fakeHomelabApi({
      getBackups: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 500,
        freshness: staleProduction,
      })),
      getCertificates: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 500,
        freshness: [],
      })),
    });
    await renderSection(api, 'production');
    expect(
      await screen.findByText('No backups collected in production'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No certificates collected in production'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'security of production: stale, data from 2026-11-22 09:00 UTC',
    );
    expect(api.getBackups).toHaveBeenCalledWith({
      cluster: 'production',
      entityRef: undefined,
      limit: 500,
    });
  });
});

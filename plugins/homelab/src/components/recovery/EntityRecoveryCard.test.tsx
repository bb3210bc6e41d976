import { screen, within } from '@testing-library/react';
import { fakeHomelabApi } from '../../__testUtils__/fixtures';
import {
  cluster,
  nextcloud,
  render,
} from '../entity/__testUtils__/renderEntityCard';
import { EntityRecoveryCard } from './EntityRecoveryCard';

describe('EntityRecoveryCard', () => {
  it("shows an app's backups with the last success against the RPO and its certificates' days to expiry", async () => {
    const api = fakeHomelabApi();
    const example = await api.getBackups();
    const [hourly, volume] = example.items;
    api.getBackups.mockResolvedValue({
      ...example,
      items: [
        hourly,
        {
          ...volume,
          rpo: '24h',
          rpoFrom: 'resource:default/production',
          reason:
            'The last successful backup is 12h old, within the RPO of 24h',
        },
      ],
    });
    await render(<EntityRecoveryCard />, nextcloud, { api });
    const backups = await screen.findByRole('list', { name: 'Backups' });
    const [first, second] = within(backups).getAllByRole('listitem');
    expect(first).toHaveTextContent(
      'Velero schedule hourly-vaultwarden (production): last success 1h ago (no RPO stated)',
    );
    expect(within(first).getByText('Failed')).toBeInTheDocument();
    expect(second).toHaveTextContent(
      'Longhorn volume pvc-3f1c2a9e-5b7d-4c1e-9a0f-2d6b8e4c7a11 (production): last success 12h ago (RPO 24h)',
    );
    expect(second).toHaveTextContent('within the RPO of 24h');
    const certificates = screen.getByRole('list', { name: 'Certificates' });
    expect(
      within(certificates).getByText(
        '*.staging.hallonen.se: expires expired 6 day(s) ago',
      ),
    ).toBeInTheDocument();
    expect(api.getBackups).toHaveBeenCalledWith({
      cluster: undefined,
      entityRef: 'component:default/nextcloud',
      limit: 500,
    });
  });

  it('says when nothing covers a cluster, and that stale data is not current', async () => {
    const empty = {
      items: [],
      totalCount: 0,
      offset: 0,
      limit: 500,
      freshness: [
        {
          source: 'backups',
          cluster: 'production',
          state: 'stale' as const,
          collectedAt: '2026-12-02T14:30:00Z',
          checkedAt: '2026-12-02T14:40:00Z',
          error: 'cluster production: GET /apis answered 503',
        },
      ],
    };
    const api = fakeHomelabApi({
      getBackups: async () => empty,
      getCertificates: async () => ({ ...empty, freshness: [] }),
    });
    await render(<EntityRecoveryCard />, cluster, { api });
    expect(
      await screen.findByText('No backup of this cluster is collected.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No certificate is collected for it.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'backups of production: stale, data from 2026-12-02 14:30 UTC; last attempt 2026-12-02 14:40 UTC failed: cluster production: GET /apis answered 503',
    );
  });
});

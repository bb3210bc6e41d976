import { Entity } from '@backstage/catalog-model';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import scorecardOfHomeAssistant from '../../../__testUtils__/scorecardOfHomeAssistant.json';
import scorecardOfVaultwarden from '../../../__testUtils__/scorecardOfVaultwarden.json';
import { EntityScorecardCard } from './EntityScorecardCard';

// The tech-insights answers (POST /api/tech-insights/checks/run/...) for the
// example's Vaultwarden and Home Assistant, recorded on 2026-12-02 14:57 UTC from the
// portal backend with the homelab module, as packages/backend's
// techInsights.test.ts starts it on the example homelab.
const app = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service' },
});

/** Renders the card; await it, so the app has mounted before the test goes on. */
async function render(entity: Entity, answer: () => Response) {
  const fetch = jest.fn(async () => answer());
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          discoveryApiRef,
          { getBaseUrl: async (id: string) => `http://portal/api/${id}` },
        ],
        [fetchApiRef, { fetch }],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityScorecardCard />
      </EntityProvider>
    </TestApiProvider>,
  );
  return { fetch };
}

const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });

/** The list item of a check, by its name. */
const checkRow = (name: string) =>
  screen.getByText(name).closest('li') as HTMLElement;

describe('EntityScorecardCard', () => {
  it("runs the entity's checks and shows each result with its reason", async () => {
    const { fetch } = await render(
      app('vaultwarden'),
      json(scorecardOfVaultwarden),
    );
    expect(
      await screen.findByText('2 of 6 passed · 4 failed · 0 not known'),
    ).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      'http://portal/api/tech-insights/checks/run/default/Component/vaultwarden',
      expect.objectContaining({ method: 'POST', body: '{}' }),
    );
    const flux = within(checkRow('Flux Ready'));
    expect(flux.getByText('Failed')).toBeInTheDocument();
    expect(
      flux.getByText(
        /^staging: HelmRelease flux-system\/vaultwarden is False \(UpgradeFailed\)/,
      ),
    ).toBeInTheDocument();
    const slo = within(checkRow('SLO defined'));
    expect(slo.getByText('Passed')).toBeInTheDocument();
    // As of the SLO collection the facts come from.
    expect(
      slo.getByText(
        'SLOs: Vaultwarden availability · as of 2026-12-02 14:57 UTC',
      ),
    ).toBeInTheDocument();
    expect(
      within(checkRow('Certificates valid > 14 days')).getByText(
        /^expires soon: production\/vaultwarden\/vaultwarden-tls in \d+ days/,
      ),
    ).toBeInTheDocument();
  });

  it('says a check is not known, and why, never passed', async () => {
    await render(app('home-assistant'), json(scorecardOfHomeAssistant));
    const certificates = within(
      await screen
        .findByText('Certificates valid > 14 days')
        .then(element => element.closest('li') as HTMLElement),
    );
    expect(certificates.getByText('Not known')).toBeInTheDocument();
    expect(
      certificates.getByText(/^no cert-manager Certificate belongs to it/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('5 of 6 passed · 0 failed · 1 not known'),
    ).toBeInTheDocument();
  });

  it('says the backend has no checks when it answers none', async () => {
    await render(app('vaultwarden'), json([]));
    expect(
      await screen.findByText(/The tech-insights backend has no checks to run/),
    ).toBeInTheDocument();
  });

  it("shows the backend's error", async () => {
    await render(
      app('vaultwarden'),
      json(
        {
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    expect(await screen.findByText('403: NotAllowedError')).toBeInTheDocument();
    expect(screen.getByText('Scorecard')).toBeInTheDocument();
  });
});

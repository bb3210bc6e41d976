import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import {
  fakeHomelabApi,
  nextcloudPromotionPreview,
} from '../../__testUtils__/fixtures';
import { renderFormField } from '../../__testUtils__/renderFormField';
import { PromotionPreviewField } from './PromotionPreviewField';

const renderField = (
  formData: Record<string, unknown>,
  api = fakeHomelabApi(),
) => renderFormField(PromotionPreviewField, formData, api);

describe('PromotionPreviewField', () => {
  it('shows the versions, where each is written, the gates and the diff, and keeps the version promoted', async () => {
    const { onChange, api } = await renderField({
      app: 'nextcloud',
      from: 'system:default/staging',
      to: 'system:default/production',
    });
    expect(
      await screen.findByText(
        'nextcloud: staging 6.6.4 → production (now 6.5.2)',
      ),
    ).toBeInTheDocument();
    expect(api.previewPromotion).toHaveBeenCalledWith({
      app: 'nextcloud',
      from: 'staging',
      to: 'production',
    });
    const row = screen.getByRole('row', {
      name: /HelmRelease nextcloud chart version/,
    });
    expect(within(row).getByText('6.5.2')).toBeInTheDocument();
    expect(within(row).getByText('6.6.4')).toBeInTheDocument();
    expect(
      within(row).getByText(
        'apps/production/nextcloud-values.yaml: spec.chart.spec.version',
      ),
    ).toBeInTheDocument();
    // A failed advisory gate warns; it does not look like one that stops.
    const errorBudget = within(screen.getByTestId('gate-errorBudget'));
    expect(
      errorBudget.getByText('errorBudget · advisory · failed'),
    ).toBeInTheDocument();
    expect(errorBudget.getByLabelText('Status warning')).toBeInTheDocument();
    expect(screen.getByTestId('promotion-diff')).toHaveTextContent(
      /- version: 6\.5\.2 \+ version: 6\.6\.4/,
    );
    expect(
      screen.queryByText(/A required gate would stop/),
    ).not.toBeInTheDocument();
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('6.6.4'));
  });

  it('warns when a required gate would stop the promotion', async () => {
    await renderField(
      { app: 'nextcloud', from: 'staging', to: 'production' },
      fakeHomelabApi({
        previewPromotion: jest.fn(async () => ({
          ...nextcloudPromotionPreview,
          blocked: true,
          gates: [
            {
              gate: 'fluxReady',
              mode: 'required' as const,
              passed: false,
              reasons: [
                'HelmRelease flux-system/nextcloud in staging is not Ready (False)',
              ],
            },
          ],
        })),
      }),
    );
    expect(
      await screen.findByText(
        'A required gate would stop this promotion now: fluxReady (HelmRelease flux-system/nextcloud in staging is not Ready (False)).',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('gate-fluxReady')).getByLabelText(
        'Status error',
      ),
    ).toBeInTheDocument();
  });

  it('says why there is no preview when the backend refuses, and keeps no version', async () => {
    const { onChange } = await renderField(
      { app: 'whoami', from: 'staging', to: 'production' },
      fakeHomelabApi({
        previewPromotion: jest.fn(async () => {
          // What the backend's error handler answers for an InputError.
          const body = JSON.stringify({
            error: {
              name: 'InputError',
              message:
                'whoami is not deployed to production (clusters/production)',
            },
            response: { statusCode: 400 },
          });
          throw await ResponseError.fromResponse({
            ok: false,
            status: 400,
            statusText: 'Bad Request',
            url: 'http://localhost:7007/api/homelab/promotions/preview',
            headers: new Headers({ 'content-type': 'application/json' }),
            text: async () => body,
          } as Response);
        }),
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No preview: whoami is not deployed to production (clusters/production)',
    );
    expect(onChange).not.toHaveBeenCalledWith(expect.any(String));
  });

  it('asks for the app and environments before previewing', async () => {
    const { api } = await renderField({ from: 'staging' });
    expect(
      screen.getByText('Pick the app and both environments first.'),
    ).toBeInTheDocument();
    expect(api.previewPromotion).not.toHaveBeenCalled();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { AppFitField } from './AppFitField';
import { renderFormField } from '../../__testUtils__/renderFormField';

const environments = ['system:default/staging', 'system:default/production'];

describe('AppFitField', () => {
  it("checks the app against each environment's cluster from the example's capacity", async () => {
    const { onChange } = await renderFormField(AppFitField, {
      environments,
      requests: { cpu: '100m', memory: '128Mi', replicas: 1 },
    });
    const staging = within(await screen.findByTestId('fit-staging-staging'));
    expect(staging.getByText('staging · Staging cluster')).toBeInTheDocument();
    expect(staging.getByText('Placement · Fits')).toBeInTheDocument();
    expect(
      staging.getByText('1 × 0.1 cores and 128 MiB fit: 1 on rpi-staging'),
    ).toBeInTheDocument();
    // Production has the inventory's targets; staging has none.
    const production = within(screen.getByTestId('fit-production-production'));
    expect(
      production.getByText(
        'adds 0.1 cores; 14.8 cores left below its 70% target',
      ),
    ).toBeInTheDocument();
    expect(
      staging.getByText(/^Requests as read from the cluster 20\d\d-/),
    ).toBeInTheDocument();
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('fits'));
  });

  it('says which replica does not fit on the Raspberry Pi and what it has left', async () => {
    const { onChange } = await renderFormField(AppFitField, {
      environments: ['system:default/staging'],
      requests: { cpu: '500m', memory: '4Gi', replicas: 2 },
    });
    const staging = within(await screen.findByTestId('fit-staging-staging'));
    expect(staging.getByText('Placement · Does not fit')).toBeInTheDocument();
    expect(
      staging.getByText(
        'replica 2 of 2 fits on no node: the roomiest, rpi-staging, has 2 cores, 1.9 GiB and 82 pods left for requests',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('does-not-fit'));
  });

  it('asks for readable requests, and says when no cluster serves the environment', async () => {
    await renderFormField(AppFitField, {
      environments,
      requests: { cpu: 'lots', memory: '1Gi' },
    });
    expect(
      screen.getByText('Give the CPU each replica requests, like 100m or 0.5.'),
    ).toBeInTheDocument();
    await renderFormField(AppFitField, {
      environments: ['system:default/lab'],
      requests: { cpu: '1', memory: '1Gi' },
    });
    expect(
      await screen.findByText(
        /No cluster in the catalog serves lab; nothing to check the app against/,
      ),
    ).toBeInTheDocument();
  });
});

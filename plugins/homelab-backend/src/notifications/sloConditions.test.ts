import { StoredSlo } from '../database/SloStore';
import { sloConditions } from './sloConditions';

const slo = (
  id: string,
  alert: 'page' | 'ticket' | 'none' | null,
  entityRef?: string,
): StoredSlo => ({
  definition: {
    id,
    name: id,
    displayName: `${id}\u001b[31m`,
    objective: 0.995,
    periodSeconds: 2_592_000,
    source: 'sloth',
    origin: 'cluster production',
    errorRatioQuery: '(x)',
    ...(entityRef ? { entityRef } : {}),
  },
  status: {
    state: 'warning',
    sli: 0.996,
    errorBudgetRemaining: 0.2,
    burnRates: [
      {
        severity: 'ticket',
        longWindow: '1d',
        shortWindow: '2h',
        budgetFraction: 0.1,
        threshold: 3,
        longBurnRate: 3.5,
        shortBurnRate: null,
        firing: alert === 'ticket',
      },
    ],
    alert,
  },
});

describe('sloConditions', () => {
  it('is a slow burn for a ticket alert, a fast burn for a page, nothing for none, undetermined without data', () => {
    const evaluation = sloConditions([
      slo('vaultwarden', 'ticket', 'component:default/vaultwarden'),
      slo('nextcloud', 'page', 'component:default/nextcloud'),
      slo('grafana', 'none', 'component:default/grafana'),
      slo('home-assistant', null, 'component:default/home-assistant'),
      slo('unowned', 'page'),
    ]);
    expect(
      evaluation.holding.map(c => [c.key, c.kind, c.severity, c.entityRef]),
    ).toEqual([
      [
        'slo-slow-burn:vaultwarden',
        'slo-slow-burn',
        'normal',
        'component:default/vaultwarden',
      ],
      [
        'slo-fast-burn:nextcloud',
        'slo-fast-burn',
        'high',
        'component:default/nextcloud',
      ],
    ]);
    expect(evaluation.holding[0]).toMatchObject({
      // The escape sequence in the SLO's display name is cut.
      title: 'SLO vaultwarden[31m burns its error budget slowly (ticket)',
      description:
        'Objective 99.5%: burn rate 3.5x over 1d and not known over 2h (alert at 3.0x); 20.0% of the error budget left.',
    });
    expect(evaluation.undetermined).toEqual([
      'slo-fast-burn:home-assistant',
      'slo-slow-burn:home-assistant',
    ]);
  });
});

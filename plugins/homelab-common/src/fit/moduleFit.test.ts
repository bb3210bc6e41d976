import { Entity } from '@backstage/catalog-model';
import { boardBudget, moduleFit } from './moduleFit';

const device = (name: string, homelab: object): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'device', homelab },
});

/** The example's Turing Pi 2 and its three RK1 modules, as the catalog module writes them. */
const rk1 = (slot: number, power: object = { typicalW: 5 }) =>
  device(`rk1-${slot}`, {
    kind: 'compute-module',
    status: 'active',
    power,
    slot: { board: 'resource:default/turing-pi-2', number: slot },
  });
const board = (power?: object) =>
  device('turing-pi-2', { kind: 'board', status: 'active', slots: 4, power });

describe('moduleFit', () => {
  it('fits a module in a free slot within the supply, counting the board itself', () => {
    const budget = boardBudget(board({ supplyW: 60, typicalW: 2 }), [
      rk1(1),
      rk1(2),
      rk1(3),
      device('qnap', { kind: 'nas' }),
    ]);
    expect(budget.modules.map(module => module.name)).toEqual([
      'rk1-1',
      'rk1-2',
      'rk1-3',
    ]);
    expect(moduleFit(budget, 4)).toEqual({
      state: 'fits',
      checks: [
        {
          what: 'Slot',
          state: 'fits',
          reason: 'slot 4 of turing-pi-2 is free',
        },
        {
          what: 'Power',
          state: 'fits',
          reason:
            '22 W with a module like rk1-1 (typical draws, peaks run higher) on a 60 W supply',
        },
      ],
    });
  });

  it('refuses a taken slot, a slot the board lacks and a supply too small for the peaks', () => {
    const budget = boardBudget(board({ supplyW: 60 }), [
      rk1(1, { maxW: 18 }),
      rk1(2, { maxW: 18 }),
      rk1(3, { maxW: 18, typicalW: 5 }),
    ]);
    expect(moduleFit(budget, 2).checks[0].reason).toBe(
      'slot 2 of turing-pi-2 holds rk1-2',
    );
    expect(moduleFit(budget, 5).checks[0]).toEqual({
      what: 'Slot',
      state: 'does-not-fit',
      reason: 'turing-pi-2 has slots 1 to 4',
    });
    expect(moduleFit(budget, 4).checks[1]).toEqual({
      what: 'Power',
      state: 'does-not-fit',
      reason:
        '72 W with a module like rk1-1 (peak draws) on a 60 W supply: too much',
    });
  });

  it('leaves retired modules out, and says power is unknown without a stated supply or draw', () => {
    const retired = device('rk1-old', {
      kind: 'compute-module',
      status: 'retired',
      slot: { board: 'resource:default/turing-pi-2', number: 4 },
    });
    expect(moduleFit(boardBudget(board(), [rk1(1), retired]), 4)).toEqual({
      state: 'unknown',
      checks: [
        {
          what: 'Slot',
          state: 'fits',
          reason: 'slot 4 of turing-pi-2 is free',
        },
        {
          what: 'Power',
          state: 'unknown',
          reason:
            'the inventory states no power supply for turing-pi-2 (power.supplyW)',
        },
      ],
    });
    expect(
      moduleFit(boardBudget(board({ supplyW: 60 }), [rk1(1, {})]), 2).checks[1]
        .reason,
    ).toBe('the inventory states no draw for rk1-1');
  });
});

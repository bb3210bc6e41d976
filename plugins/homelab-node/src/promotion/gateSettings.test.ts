import { ConfigReader } from '@backstage/config';
import { readGateSettings } from './gateSettings';

const read = (promotion?: object) =>
  readGateSettings(
    new ConfigReader(promotion ? { homelab: { promotion } } : {}),
  );

const freeze = (window: object) => read({ freezes: [window] }).freezes[0];
const refusal = (window: object) => () => read({ freezes: [window] });

describe('readGateSettings', () => {
  it('without configuration: Flux health, vulnerabilities and freezes required, the rest advisory, and a recent backup not asked', () => {
    expect(read()).toEqual({
      fluxReady: 'required',
      criticalVulnerabilities: 'required',
      errorBudget: 'advisory',
      minimumErrorBudget: 0.25,
      soakTime: 'advisory',
      minimumSoakHours: 24,
      freezeWindows: 'required',
      freezes: [],
      recentBackup: 'off',
    });
  });

  it("takes each gate's mode and threshold from homelab.promotion.gates", () => {
    expect(
      read({
        gates: {
          fluxReady: 'advisory',
          criticalVulnerabilities: 'off',
          errorBudget: 'required',
          minimumErrorBudget: 0.5,
          soakTime: 'off',
          minimumSoakHours: 2,
          freezeWindows: 'advisory',
          recentBackup: 'required',
        },
      }),
    ).toEqual({
      fluxReady: 'advisory',
      criticalVulnerabilities: 'off',
      errorBudget: 'required',
      minimumErrorBudget: 0.5,
      soakTime: 'off',
      minimumSoakHours: 2,
      freezeWindows: 'advisory',
      freezes: [],
      recentBackup: 'required',
    });
  });

  it('takes thresholds at their bounds and refuses them past', () => {
    expect(read({ gates: { minimumErrorBudget: 0 } }).minimumErrorBudget).toBe(
      0,
    );
    expect(read({ gates: { minimumErrorBudget: 1 } }).minimumErrorBudget).toBe(
      1,
    );
    expect(read({ gates: { minimumSoakHours: 0 } }).minimumSoakHours).toBe(0);
    const budget =
      'homelab.promotion.gates.minimumErrorBudget is a share between 0 and 1';
    expect(() => read({ gates: { minimumErrorBudget: -0.01 } })).toThrow(
      budget,
    );
    expect(() => read({ gates: { minimumErrorBudget: 1.01 } })).toThrow(budget);
    expect(() => read({ gates: { minimumSoakHours: -1 } })).toThrow(
      'homelab.promotion.gates.minimumSoakHours cannot be negative',
    );
  });

  it('reads a weekly freeze, in UTC and as "freeze window" unless told otherwise', () => {
    expect(
      freeze({
        environment: 'production',
        weekly: { days: ['fri', 'sat'], from: '00:00', to: '23:59' },
      }),
    ).toEqual({
      environment: 'production',
      reason: 'freeze window',
      weekly: {
        days: ['fri', 'sat'],
        from: '00:00',
        to: '23:59',
        timeZone: 'UTC',
      },
    });
    expect(
      freeze({
        environment: 'production',
        reason: 'Weekend',
        weekly: {
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
          from: '19:00',
          to: '20:00',
          timeZone: 'Europe/Stockholm',
        },
      }),
    ).toMatchObject({
      reason: 'Weekend',
      weekly: { timeZone: 'Europe/Stockholm' },
    });
  });

  it('refuses weekly freezes whose times are not hh:mm of one day', () => {
    const times =
      'homelab.promotion.freezes[0].weekly: from and to are times like 16:00';
    for (const [from, to] of [
      ['24:00', '23:00'],
      ['10:00', '9:00'],
      ['10:60', '11:00'],
      ['10:00', '10:00 '],
      [' 10:00', '11:00'],
    ]) {
      expect(
        refusal({
          environment: 'production',
          weekly: { days: ['fri'], from, to },
        }),
      ).toThrow(times);
    }
    expect(
      freeze({
        environment: 'production',
        weekly: { days: ['fri'], from: '19:59', to: '09:05' },
      }).weekly,
    ).toMatchObject({ from: '19:59', to: '09:05' });
  });

  it('names every day that is not one, and the days it takes', () => {
    expect(
      refusal({
        environment: 'production',
        weekly: { days: ['fri', 'Sat', 'sunday'], from: '10:00', to: '12:00' },
      }),
    ).toThrow(
      'homelab.promotion.freezes[0].weekly.days: Sat, sunday is not one of mon, tue, wed, thu, fri, sat, sun',
    );
  });

  it('reads a date range, and refuses one that is not from an instant to a later one', () => {
    expect(
      freeze({
        environment: 'production',
        reason: 'End of year',
        from: '2026-12-20T00:00:00Z',
        to: '2027-01-04T00:00:00Z',
      }),
    ).toEqual({
      environment: 'production',
      reason: 'End of year',
      from: '2026-12-20T00:00:00Z',
      to: '2027-01-04T00:00:00Z',
    });
    const instants =
      'homelab.promotion.freezes[1]: from and to are instants like 2026-12-20T00:00:00Z, from before to';
    for (const [from, to] of [
      ['christmas', '2027-01-04T00:00:00Z'],
      ['2026-12-20T00:00:00Z', 'new year'],
      ['2026-12-20T00:00:00Z', '2026-12-20T00:00:00Z'],
      ['2027-01-04T00:00:00Z', '2026-12-20T00:00:00Z'],
    ]) {
      expect(() =>
        read({
          freezes: [
            { environment: 'staging', from: '2026-01-01', to: '2026-01-02' },
            { environment: 'production', from, to },
          ],
        }),
      ).toThrow(instants);
    }
  });
});

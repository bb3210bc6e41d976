import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import path from 'node:path';
import { gitopsWorkspace, readTree } from '../__testUtils__/gitopsWorkspace';
import {
  homelabAnswers,
  promoteActionFor,
} from '../__testUtils__/homelabApiAnswers';
import { startHomelabApiStandIn } from '../__testUtils__/homelabApiStandIn';

const example = path.resolve(
  __dirname,
  '../../../../test/fixtures/gitops/flux2-kustomize-helm-example',
);
const HOUR = 3_600_000;

// Each case renders both environments of the example with the GitOps engine.
jest.setTimeout(60_000);

/** Runs a promotion against a fresh copy of the example; `written` tells whether the checkout changed. */
async function promote(promotion: object, readyHoursAgo: number) {
  const repo = gitopsWorkspace(example);
  const api = await startHomelabApiStandIn(
    homelabAnswers({
      running: { podinfo: '6.9.2' },
      readyHoursAgo,
      slos: [
        {
          slo: { name: 'podinfo-availability', service: 'podinfo' },
          errorBudgetRemaining: 0.9,
          state: 'ok',
        },
      ],
    }),
  );
  const workspace = repo.clone();
  const checkout = path.join(workspace, 'gitops');
  const before = readTree(checkout);
  let written = false;
  const ctx = createMockActionContext({
    input: {
      repoPath: 'gitops',
      app: 'podinfo',
      from: 'staging',
      to: 'production',
    },
    workspacePath: workspace,
  });
  const action = promoteActionFor(
    new ConfigReader({ homelab: { promotion } }),
    api.url,
  );
  const run = (async () => {
    try {
      await action.handler(ctx);
    } finally {
      written = JSON.stringify(readTree(checkout)) !== JSON.stringify(before);
      await api.close();
      repo.cleanup();
    }
  })();
  return { run, ctx, written: () => written };
}

describe('homelab:flux:promote stops at required gates and writes nothing', () => {
  it('a required soak time that staging has not yet reached', async () => {
    const { run, written } = await promote(
      { gates: { soakTime: 'required', minimumSoakHours: 24 } },
      3,
    );
    await expect(run).rejects.toThrow(
      /stopped by required gates: soakTime failed: Ready in staging for only 3 h \(since .*\); 24 h needed, 21 h to go/,
    );
    expect(written()).toBe(false);
  });

  it('a freeze window of production in force now', async () => {
    const now = Date.now();
    const { run, written } = await promote(
      {
        freezes: [
          {
            environment: 'production',
            reason: 'Planned maintenance',
            from: new Date(now - HOUR).toISOString(),
            to: new Date(now + HOUR).toISOString(),
          },
        ],
      },
      48,
    );
    await expect(run).rejects.toThrow(
      /stopped by required gates: freezeWindow failed: production is frozen: Planned maintenance/,
    );
    expect(written()).toBe(false);
  });

  it('with every gate passed, the pull request body carries each verdict and the change', async () => {
    const { run, ctx, written } = await promote({}, 48);
    await run;
    expect(written()).toBe(true);
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(outputs.gates.map((g: any) => [g.gate, g.mode, g.passed])).toEqual([
      ['freezeWindow', 'required', true],
      ['fluxReady', 'required', true],
      ['soakTime', 'advisory', true],
      ['criticalVulnerabilities', 'required', true],
      ['errorBudget', 'advisory', true],
    ]);
    expect(outputs.summary).toContain(
      '| HelmRelease podinfo chart version | `>=1.0.0` | `6.9.2` | `apps/production/podinfo-values.yaml: spec.chart.spec.version` |',
    );
    expect(outputs.summary).toContain(
      '- **errorBudget** (advisory): passed — podinfo-availability: 90% of the error budget left (minimum 25%)',
    );
    expect(outputs.summary).toContain(
      '```diff\n--- a/apps/production/podinfo-values.yaml',
    );
  });
});

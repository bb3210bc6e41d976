import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  TemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { git } from '../__testUtils__/git';
import { homelabAnswers } from '../__testUtils__/homelabApiAnswers';
import { startHomelabApiStandIn } from '../__testUtils__/homelabApiStandIn';
import {
  BMC_PASSWORD,
  proxmoxApi,
  startHttpsServer,
  TEST_CA_DATA,
  TOKEN_SECRET,
  turingPiBmcApi,
} from '../__testUtils__/provisioningServers';
import { readProvisioningHosts } from '../provisioning/provisioningHosts';
import { createDocsGenerateAction } from './docsGenerateAction';
import { createFluxDeployAction } from './fluxDeployAction';
import { createFluxPromoteAction } from './fluxPromoteAction';
import { createInventoryAddDeviceAction } from './inventoryAddDeviceAction';
import { createNodeProvisionAction } from './nodeProvisionAction';
import { createRepositoryCheckoutAction } from './repositoryCheckoutAction';
import { createRepositoryCommitAction } from './repositoryCommitAction';

/*
 * Every example an action shows in the template editor runs as written: its
 * YAML is parsed, and each step of a homelab action runs through that
 * action's handler, in order and in one workspace, with the outputs of
 * earlier steps filled into later inputs and `if` conditions on them
 * honoured. Steps of other actions (publish:github:pull-request) do not run,
 * but the outputs of ours that they read must be there.
 */

const repoRoot = path.resolve(__dirname, '../../../..');
const EXAMPLE_GITOPS = path.join(repoRoot, 'examples/gitops');
const EXAMPLE_INVENTORY = path.join(repoRoot, 'examples/homelab');

interface Step {
  id: string;
  action: string;
  if?: string;
  input: Record<string, unknown>;
}

/** `${{ steps.<id>.output.<name> }}`, optionally negated with `not`. */
const OUTPUT_REFERENCE =
  /\$\{\{\s*(not\s+)?steps\.([\w-]+)\.output\.(\w+)\s*\}\}/g;

type Outputs = Record<string, Record<string, unknown>>;

/** Every output reference in a value, as [step, output] pairs. */
function referencesIn(value: unknown): Array<[string, string]> {
  return [...JSON.stringify(value ?? null).matchAll(OUTPUT_REFERENCE)].map(
    ([, , step, output]) => [step, output],
  );
}

/** A value with the output references filled in from earlier steps. */
function fillIn(value: unknown, outputs: Outputs): unknown {
  if (typeof value === 'string') {
    const whole = new RegExp(`^${OUTPUT_REFERENCE.source}$`).exec(value);
    if (whole) {
      const [, not, step, output] = whole;
      const found = outputs[step]?.[output];
      return not ? !found : found;
    }
    return value.replace(OUTPUT_REFERENCE, (_, _not, step, output) =>
      String(outputs[step]?.[output]),
    );
  }
  if (Array.isArray(value)) return value.map(item => fillIn(item, outputs));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillIn(item, outputs)]),
    );
  }
  return value;
}

/**
 * What a workspace holds before an example's first step runs, by the
 * action of that step: what a template's earlier steps (fetch:plain, a
 * checkout) would have put there, where the step's input says.
 */
type Seed = (workspace: string, input: any) => Promise<void> | void;

/** What a step of each action must have done, beyond not failing. */
type Check = (workspace: string, input: any, output: any) => void;

interface ExampleAction {
  action: TemplateAction<any, any, any>;
  seed: Seed;
  check: Check;
}

const copyInto = (source: string, workspace: string, at: string) =>
  fs.cpSync(source, path.join(workspace, at), { recursive: true });

/** The inventory path of an input, with the actions' default. */
const inventoryPath = (input: { inventoryPath?: string }) =>
  input.inventoryPath ?? 'inventory';

describe('every example of every homelab action runs as written', () => {
  let root: string;
  let actions: ExampleAction[];
  const closers: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-examples-'));
    const talosImage = path.join(root, 'talos.raw');
    fs.writeFileSync(talosImage, Buffer.alloc(64 * 1024, 7));
    const proxmox = await startHttpsServer(proxmoxApi({}));
    const bmc = await startHttpsServer(turingPiBmcApi());
    // staging runs nextcloud 6.6.4, Ready for two days, nothing critical.
    const homelabApi = await startHomelabApiStandIn(
      homelabAnswers({ running: { nextcloud: '6.6.4' }, readyHoursAgo: 48 }),
    );
    closers.push(proxmox.close, bmc.close, homelabApi.close);

    const config = new ConfigReader({
      homelab: {
        repositories: {
          gitops: {
            localPath: path.join(root, 'git/gitops.git'),
            seedFrom: EXAMPLE_GITOPS,
          },
        },
        provisioning: {
          proxmox: [
            {
              name: 'proxmox',
              url: proxmox.url,
              node: 'pve',
              tokenId: 'backstage@pve!provision',
              tokenSecret: TOKEN_SECRET,
              caData: TEST_CA_DATA,
            },
          ],
          turingPi: [
            {
              name: 'turing-pi-2',
              url: bmc.url,
              username: 'root',
              password: BMC_PASSWORD,
              caData: TEST_CA_DATA,
              images: { 'talos-rk1': talosImage },
            },
          ],
        },
      },
    });
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
    const checkoutAction = createRepositoryCheckoutAction({
      config,
      reader: mockServices.urlReader.mock(),
    });
    const inventoryAt: Seed = (workspace, input) =>
      copyInto(EXAMPLE_INVENTORY, workspace, inventoryPath(input));

    actions = [
      {
        action: createFluxDeployAction({ config }),
        // The project's example repository, which has no podinfo yet.
        seed: (workspace, input) =>
          copyInto(EXAMPLE_GITOPS, workspace, input.repoPath ?? '.'),
        check: (_workspace, _input, output) =>
          expect(output.created).toContain(
            `${output.appFolder}/kustomization.yaml`,
          ),
      },
      {
        action: createFluxPromoteAction({
          config,
          discovery: {
            getBaseUrl: async () => homelabApi.url,
            getExternalBaseUrl: async () => homelabApi.url,
          },
          auth: mockServices.auth(),
          permissions,
        }),
        seed: (workspace, input) =>
          copyInto(EXAMPLE_GITOPS, workspace, input.repoPath ?? '.'),
        check: (_workspace, _input, output) =>
          expect(output).toMatchObject({ changed: true, toVersion: '6.6.4' }),
      },
      {
        action: createNodeProvisionAction({
          hosts: readProvisioningHosts(config),
          permissions,
          pollIntervalMs: 10,
        }),
        seed: inventoryAt,
        check: (workspace, input, output) => {
          expect(
            fs.existsSync(path.join(workspace, output.joinConfigFile)),
          ).toBe(true);
          expect(output.inventoryFiles).toContain(
            `${inventoryPath(input)}/hardware.yaml`,
          );
        },
      },
      {
        action: createInventoryAddDeviceAction(),
        seed: inventoryAt,
        check: (_workspace, input, output) =>
          expect(output.changed).toContain(
            `${inventoryPath(input)}/hardware.yaml`,
          ),
      },
      {
        action: createDocsGenerateAction(),
        seed: inventoryAt,
        check: (workspace, _input, output) => {
          expect(output.written.length).toBeGreaterThan(0);
          for (const file of output.written) {
            expect(fs.existsSync(path.join(workspace, file))).toBe(true);
          }
        },
      },
      {
        action: checkoutAction,
        seed: () => {},
        check: (workspace, input, output) => {
          expect(output).toMatchObject({ local: true, branch: 'main' });
          expect(
            fs.existsSync(path.join(workspace, input.targetPath, '.git')),
          ).toBe(true);
        },
      },
      {
        action: createRepositoryCommitAction({ config }),
        // A checkout of the local repository with a change in it.
        seed: async (workspace, input) => {
          await checkoutAction.handler(
            createMockActionContext({
              input: {
                repository: input.repository,
                targetPath: input.sourcePath,
              },
              workspacePath: workspace,
            }),
          );
          const values = path.join(
            workspace,
            input.sourcePath,
            'apps/production/nextcloud-values.yaml',
          );
          fs.writeFileSync(
            values,
            fs.readFileSync(values, 'utf8').replace(/6\.5\.2/, '6.6.4'),
          );
        },
        // The local repository holds what the checkout holds.
        check: (workspace, input) => {
          const checkout = path.join(workspace, input.sourcePath);
          expect(git(checkout, 'status', '--porcelain')).toBe('');
          expect(git(checkout, 'rev-parse', 'HEAD')).toBe(
            git(path.join(root, 'git/gitops.git'), 'rev-parse', 'main'),
          );
        },
      },
    ];
  });

  afterAll(async () => {
    await Promise.all(closers.map(close => close()));
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** Runs an example's steps in a fresh workspace; returns each step's outputs. */
  async function runExample(example: TemplateExample) {
    const steps: Step[] = yaml.parse(example.example).steps;
    const workspace = fs.mkdtempSync(path.join(root, 'workspace-'));
    const outputs: Outputs = {};
    let seeded = false;
    for (const step of steps) {
      for (const [id] of referencesIn([step.if, step.input])) {
        // A step reads the outputs of the steps before it only.
        expect(Object.keys(outputs)).toContain(id);
      }
      if (step.if !== undefined && !fillIn(step.if, outputs)) continue;
      const input = fillIn(step.input, outputs) as Record<string, unknown>;
      const homelab = actions.find(a => a.action.id === step.action);
      if (!homelab) {
        // Another plugin's action: what it reads of ours must exist.
        for (const [id, output] of referencesIn(step.input)) {
          expect(Object.keys(outputs[id])).toContain(output);
        }
        continue;
      }
      const ctx = createMockActionContext({
        input: input as any,
        workspacePath: workspace,
        logger: mockServices.logger.mock(),
      });
      if (!seeded) {
        seeded = true;
        await homelab.seed(workspace, input);
      }
      await homelab.action.handler(ctx);
      outputs[step.id] = Object.fromEntries(
        (ctx.output as jest.Mock).mock.calls,
      );
      homelab.check(workspace, input, outputs[step.id]);
    }
    return outputs;
  }

  it('covers every action of this folder, each with examples', () => {
    const exampleFiles = fs
      .readdirSync(__dirname)
      .filter(file => file.endsWith('.examples.ts'));
    expect(actions).toHaveLength(exampleFiles.length);
    expect(
      actions.filter(a => !a.action.examples?.length).map(a => a.action.id),
    ).toEqual([]);
  });

  const cases = [
    ['homelab:flux:deploy', 0],
    ['homelab:flux:deploy', 1],
    ['homelab:flux:promote', 0],
    ['homelab:node:provision', 0],
    ['homelab:node:provision', 1],
    ['homelab:inventory:add-device', 0],
    ['homelab:docs:generate', 0],
    ['homelab:repository:checkout', 0],
    ['homelab:repository:commit', 0],
  ] as const;

  it('lists every example of every action here', () => {
    expect(
      actions.flatMap(a =>
        (a.action.examples ?? []).map((_, index) => [a.action.id, index]),
      ),
    ).toEqual(cases.map(c => [...c]));
  });

  it.each(cases)('%s example %d', async (id, index) => {
    const example = actions.find(a => a.action.id === id)!.action.examples![
      index
    ];
    const outputs = await runExample(example);
    expect(Object.keys(outputs)).not.toEqual([]);
  });
});

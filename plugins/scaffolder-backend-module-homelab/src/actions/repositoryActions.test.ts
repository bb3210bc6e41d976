import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git } from '../__testUtils__/git';
import { createRepositoryCheckoutAction } from './repositoryCheckoutAction';
import { createRepositoryCommitAction } from './repositoryCommitAction';

const examples = path.resolve(__dirname, '../../../../examples');

describe('homelab:repository:checkout and homelab:repository:commit on a local repository', () => {
  let root: string;
  let config: ConfigReader;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-local-repo-'));
    config = new ConfigReader({
      homelab: {
        repositories: {
          gitops: {
            localPath: path.join(root, 'git/gitops.git'),
            seedFrom: path.join(examples, 'gitops'),
          },
        },
      },
    });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const checkout = async (workspace: string) => {
    const ctx = createMockActionContext({
      input: { repository: 'gitops' as const, targetPath: 'gitops' },
      workspacePath: workspace,
    });
    await createRepositoryCheckoutAction({
      config,
      reader: mockServices.urlReader.mock(),
    }).handler(ctx);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  };

  it('creates the repository from its seed once, checks it out, commits a change and pushes it', async () => {
    const workspace = fs.mkdtempSync(path.join(root, 'workspace-'));
    expect(await checkout(workspace)).toEqual({ local: true, branch: 'main' });
    const file = path.join(
      workspace,
      'gitops/apps/production/nextcloud-values.yaml',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(
      fs.readFileSync(
        path.join(examples, 'gitops/apps/production/nextcloud-values.yaml'),
        'utf8',
      ),
    );
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('version: 6.5.2', 'version: 6.6.4'),
    );

    const commit = createMockActionContext({
      input: {
        repository: 'gitops' as const,
        sourcePath: 'gitops',
        message: 'Promote nextcloud 6.6.4 to production',
      },
      workspacePath: workspace,
      logger: mockServices.logger.mock(),
      user: {
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'guest' },
          spec: {
            profile: { displayName: 'Guest', email: 'guest@example.com' },
          },
        },
      } as any,
    });
    await createRepositoryCommitAction({ config }).handler(commit);
    const outputs = Object.fromEntries((commit.output as jest.Mock).mock.calls);
    expect(outputs.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(outputs.diff).toContain(
      '-      version: 6.5.2\n+      version: 6.6.4',
    );
    const bare = path.join(root, 'git/gitops.git');
    expect(
      git(bare, 'log', '-1', '--format=%H %an <%ae> %s', 'main').trim(),
    ).toBe(
      `${outputs.commit} Guest <guest@example.com> Promote nextcloud 6.6.4 to production`,
    );
    // The task log shows the commit and its diff.
    expect((commit.logger.info as jest.Mock).mock.calls.flat()).toEqual(
      expect.arrayContaining([
        `Committed ${outputs.commit} to main of the local gitops repository`,
        '+      version: 6.6.4',
      ]),
    );

    // The next checkout sees the commit, and the seed is not applied again.
    const again = fs.mkdtempSync(path.join(root, 'workspace-'));
    await checkout(again);
    expect(
      fs.readFileSync(
        path.join(again, 'gitops/apps/production/nextcloud-values.yaml'),
        'utf8',
      ),
    ).toContain('version: 6.6.4');
    expect(git(bare, 'rev-list', '--count', 'main').trim()).toBe('2');

    // Nothing changed: nothing committed.
    const nothing = createMockActionContext({
      input: {
        repository: 'gitops' as const,
        sourcePath: 'gitops',
        message: 'nothing',
      },
      workspacePath: again,
    });
    await createRepositoryCommitAction({ config }).handler(nothing);
    expect(
      Object.fromEntries((nothing.output as jest.Mock).mock.calls),
    ).toEqual({ diff: '' });
    expect(git(bare, 'rev-list', '--count', 'main').trim()).toBe('2');
  });

  it("creates an inventory repository with the seed in the inventory's folder", async () => {
    const inventory = new ConfigReader({
      homelab: {
        repositories: {
          inventory: {
            localPath: path.join(root, 'git/homelab.git'),
            seedFrom: path.join(examples, 'homelab'),
            path: 'inventory',
          },
        },
      },
    });
    const workspace = fs.mkdtempSync(path.join(root, 'workspace-'));
    const ctx = createMockActionContext({
      input: { repository: 'inventory' as const, targetPath: '.' },
      workspacePath: workspace,
    });
    await createRepositoryCheckoutAction({
      config: inventory,
      reader: mockServices.urlReader.mock(),
    }).handler(ctx);
    expect(Object.fromEntries((ctx.output as jest.Mock).mock.calls)).toEqual({
      local: true,
      branch: 'main',
      inventoryPath: 'inventory',
    });
    expect(fs.readdirSync(path.join(workspace, 'inventory')).sort()).toEqual(
      fs.readdirSync(path.join(examples, 'homelab')).sort(),
    );
  });

  it('refuses what the operator did not configure, and paths out of the workspace', async () => {
    const workspace = fs.mkdtempSync(path.join(root, 'workspace-'));
    const unconfigured = createMockActionContext({
      input: { repository: 'inventory' as const, targetPath: 'homelab' },
      workspacePath: workspace,
    });
    await expect(
      createRepositoryCheckoutAction({
        config,
        reader: mockServices.urlReader.mock(),
      }).handler(unconfigured),
    ).rejects.toThrow('homelab.repositories.inventory is not configured');
    const outside = createMockActionContext({
      input: { repository: 'gitops' as const, targetPath: '../elsewhere' },
      workspacePath: workspace,
    });
    await expect(
      createRepositoryCheckoutAction({
        config,
        reader: mockServices.urlReader.mock(),
      }).handler(outside),
    ).rejects.toThrow('targetPath ../elsewhere is outside the workspace');
    const remote = new ConfigReader({
      homelab: {
        repositories: {
          gitops: { url: 'https://github.com/hallonen/homelab-gitops' },
        },
      },
    });
    const commit = createMockActionContext({
      input: { repository: 'gitops' as const, sourcePath: '.', message: 'x' },
      workspacePath: workspace,
    });
    await expect(
      createRepositoryCommitAction({ config: remote }).handler(commit),
    ).rejects.toThrow(
      'homelab.repositories.gitops is not a local repository; changes to a remote one go through a pull request',
    );
  });
});

import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gitopsWorkspace, readTree } from '../__testUtils__/gitopsWorkspace';
import { promoteActionFor } from '../__testUtils__/homelabApiAnswers';
import { createFluxDeployAction } from './fluxDeployAction';

const example = path.resolve(
  __dirname,
  '../../../../test/fixtures/gitops/flux2-kustomize-helm-example',
);
const config = new ConfigReader({});

const deployInput = {
  repoPath: 'gitops',
  app: 'whoami',
  environments: ['staging'],
  source: {
    kind: 'HelmRepository',
    url: 'https://traefik.github.io/charts',
    chart: 'whoami',
    version: '5.2.0',
  },
};

/** homelab:flux:deploy run in a workspace. */
const deploy = (workspacePath: string, input: object) =>
  createFluxDeployAction({ config }).handler(
    createMockActionContext({ input: input as any, workspacePath }),
  );

describe('what the Flux actions refuse', () => {
  let repo: ReturnType<typeof gitopsWorkspace>;
  let workspace: string;
  beforeEach(() => {
    repo = gitopsWorkspace(example);
    workspace = repo.clone();
  });
  afterEach(() => repo.cleanup());

  it('a symbolic link in the repository that leads outside: nothing is written there', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-outside-'));
    try {
      const base = path.join(workspace, 'gitops/apps/base');
      fs.symlinkSync(outside, path.join(base, 'whoami'));
      await expect(deploy(workspace, deployInput)).rejects.toThrow(
        'apps/base/whoami leads outside the repository (through a symbolic link or ..), so it is neither read nor written',
      );
      expect(fs.readdirSync(outside)).toEqual([]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a repoPath that is a link out of the workspace', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-outside-'));
    try {
      fs.symlinkSync(outside, path.join(workspace, 'elsewhere'));
      await expect(
        deploy(workspace, { ...deployInput, repoPath: 'elsewhere' }),
      ).rejects.toThrow('repoPath elsewhere is outside the workspace');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a kustomization in the repository that reaches outside it', async () => {
    fs.writeFileSync(
      path.join(workspace, 'gitops/apps/staging/kustomization.yaml'),
      'resources:\n  - ../base/podinfo\n  - ../../../../etc\n',
    );
    await expect(deploy(workspace, deployInput)).rejects.toThrow(
      'apps/staging/kustomization.yaml: resources: ../../../../etc is outside the repository',
    );
  });

  it('a layout nobody supports, saying what was looked for and what is there', async () => {
    const other = gitopsWorkspace(path.join(example, 'apps'));
    try {
      await expect(deploy(other.clone(), deployInput)).rejects.toThrow(
        'The GitOps repository follows no layout these actions know. Looked for clusters/<environment>/ (flux bootstrap, as fluxcd/flux2-kustomize-helm-example has it); kubernetes/flux/cluster/ (onedr0p/cluster-template, one cluster); kubernetes/<environment>/flux/cluster/ (cluster-template with a folder per cluster). It holds: base/, production/, staging/.',
      );
    } finally {
      other.cleanup();
    }
  });

  it('an environment the repository does not have', async () => {
    await expect(
      deploy(workspace, { ...deployInput, environments: ['qa'] }),
    ).rejects.toThrow(
      'The GitOps repository has no environment qa; it has production (clusters/production), staging (clusters/staging)',
    );
  });

  it('overwriting a different file, and then writes nothing', async () => {
    const repoDir = path.join(workspace, 'gitops');
    fs.mkdirSync(path.join(repoDir, 'apps/base/whoami'));
    fs.writeFileSync(
      path.join(repoDir, 'apps/base/whoami/release.yaml'),
      '# hand-written\n',
    );
    const before = readTree(repoDir);
    await expect(deploy(workspace, deployInput)).rejects.toThrow(
      'These files already exist with other content and were not overwritten (nothing was written): apps/base/whoami/release.yaml',
    );
    expect(readTree(repoDir)).toEqual(before);
  });

  it('a promotion by a user without the promote permission, before reading anything', async () => {
    const ctx = createMockActionContext({
      input: {
        repoPath: 'gitops',
        app: 'podinfo',
        from: 'staging',
        to: 'production',
      },
      workspacePath: workspace,
    });
    await expect(
      promoteActionFor(
        config,
        'http://127.0.0.1:1',
        AuthorizeResult.DENY,
      ).handler(ctx),
    ).rejects.toThrow(
      'not allowed to promote podinfo to production (permission homelab.release.promote)',
    );
  });
});

import path from 'node:path';
import { checkoutRepository } from '../files/checkoutRepository';
import { detectLayout, environmentNamed } from '../layouts/detectLayout';
import { realFluxRender } from '../../testing/realFluxBuild';
import { renderEnvironment } from './renderEnvironment';

const root = path.resolve(__dirname, '../../../../..');

// Each case runs the real kustomize, several times for a whole environment.
jest.setTimeout(120_000);

describe('renderEnvironment agrees with Flux built by the real kustomize', () => {
  it.each([
    ['test/fixtures/gitops/flux2-kustomize-helm-example', 'staging', 16],
    ['test/fixtures/gitops/flux2-kustomize-helm-example', 'production', 16],
    ['test/fixtures/gitops/home-ops', 'production', 33],
    ['test/fixtures/gitops/home-ops-clusters', 'staging', 24],
    ['test/fixtures/gitops/home-ops-clusters', 'production', 24],
    ['examples/gitops', 'staging', 29],
    ['examples/gitops', 'production', 30],
  ])('%s %s', async (repoPath, environment, count) => {
    const repoDir = path.join(root, repoPath);
    const repo = checkoutRepository(repoDir);
    const { name, root: sync } = environmentNamed(
      await detectLayout(repo),
      environment,
    );
    const ours = await renderEnvironment(repo, name, sync);
    const mine = Object.fromEntries(
      ours.objects.map(({ resource: { object: o } }) => [
        `${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ''}/${
          o.metadata?.name
        }`,
        o,
      ]),
    );
    const theirs = await realFluxRender(repoDir, environment);
    expect(Object.keys(mine).sort()).toEqual(Object.keys(theirs).sort());
    expect(mine).toEqual(theirs);
    expect(Object.keys(mine)).toHaveLength(count);
  });
});

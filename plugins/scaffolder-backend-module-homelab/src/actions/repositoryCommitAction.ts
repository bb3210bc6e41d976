import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  commitToLocalRepository,
  readHomelabRepository,
} from '@homelab/plugin-homelab-node';
import { resolveInside } from '../paths/resolveInside';
import { repositoryCommitExamples } from './repositoryCommitAction.examples';

/**
 * homelab:repository:commit — commits what a template changed in a checkout
 * of a local repository (homelab.repositories with localPath) and pushes it
 * to the repository's branch; the task log shows the commit and its diff.
 * Remote repositories are changed by pull requests instead.
 */
export function createRepositoryCommitAction(options: { config: Config }) {
  return createTemplateAction({
    id: 'homelab:repository:commit',
    description:
      'Commits the changes of a checkout of a local repository configured under homelab.repositories and pushes them to its branch.',
    examples: repositoryCommitExamples,
    supportsDryRun: true,
    schema: {
      input: {
        repository: z =>
          z
            .enum(['gitops', 'inventory'])
            .describe('Which configured repository.'),
        sourcePath: z =>
          z
            .string()
            .min(1)
            .describe('The checkout, relative to the workspace.'),
        message: z =>
          z.string().min(1).max(5000).describe('The commit message.'),
      },
      output: {
        commit: z =>
          z
            .string()
            .optional()
            .describe('The commit pushed; absent when nothing changed.'),
        diff: z => z.string().describe('The commit as a unified diff.'),
      },
    },
    async handler(ctx) {
      const repository = readHomelabRepository(
        options.config,
        ctx.input.repository,
      );
      if (!repository?.local) {
        throw new InputError(
          `homelab.repositories.${ctx.input.repository} is not a local repository; changes to a remote one go through a pull request`,
        );
      }
      const workdir = resolveInside(
        ctx.workspacePath,
        ctx.input.sourcePath,
        `sourcePath ${ctx.input.sourcePath} is outside the workspace`,
      );
      if (ctx.isDryRun) {
        ctx.output('diff', '');
        return;
      }
      const profile = ctx.user?.entity?.spec?.profile as
        | { displayName?: string; email?: string }
        | undefined;
      const name = ctx.user?.entity?.metadata.name ?? 'backstage';
      const result = await ctx.checkpoint({
        key: `homelab-commit-${ctx.input.repository}`,
        fn: async () =>
          (await commitToLocalRepository(
            workdir,
            repository.branch,
            ctx.input.message,
            {
              name: profile?.displayName ?? name,
              email: profile?.email ?? `${name}@backstage.local`,
            },
          )) ?? { commit: '', diff: '' },
      });
      if (!result.commit) {
        ctx.logger.info('Nothing changed; nothing was committed');
        ctx.output('diff', '');
        return;
      }
      ctx.logger.info(
        `Committed ${result.commit} to ${repository.branch} of the local ${repository.role} repository`,
      );
      for (const line of result.diff.trimEnd().split('\n'))
        ctx.logger.info(line);
      ctx.output('commit', result.commit);
      ctx.output('diff', result.diff);
    },
  });
}

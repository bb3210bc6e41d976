import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import {
  createTemplateAction,
  fetchContents,
} from '@backstage/plugin-scaffolder-node';
import {
  cloneLocalRepository,
  readHomelabRepository,
  seedLocalRepository,
} from '@homelab/plugin-homelab-node';
import { resolveInside } from '../paths/resolveInside';
import { repositoryCheckoutExamples } from './repositoryCheckoutAction.examples';

/**
 * homelab:repository:checkout — checks out the GitOps or inventory
 * repository the operator configured (homelab.repositories): a remote one
 * through the integrations, as fetch:plain does, or a local git repository
 * cloned with git. Templates never name a URL; the outputs tell the next
 * steps how to publish (repoUrl and branch for a pull request, or local).
 */
export function createRepositoryCheckoutAction(options: {
  config: Config;
  reader: UrlReaderService;
}) {
  const integrations = ScmIntegrations.fromConfig(options.config);
  return createTemplateAction({
    id: 'homelab:repository:checkout',
    description:
      'Checks out the GitOps or inventory repository configured under homelab.repositories into the workspace.',
    examples: repositoryCheckoutExamples,
    // It only reads: a dry run checks out as a run does, so the steps after
    // it plan against the real repository.
    supportsDryRun: true,
    schema: {
      input: {
        repository: z =>
          z
            .enum(['gitops', 'inventory'])
            .describe('Which configured repository.'),
        targetPath: z =>
          z
            .string()
            .min(1)
            .describe('Where to check it out, relative to the workspace.'),
      },
      output: {
        local: z =>
          z
            .boolean()
            .describe(
              'A local repository: publish with homelab:repository:commit, not a pull request.',
            ),
        branch: z => z.string().describe('The branch checked out.'),
        repoUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'A remote repository as publish actions take it, like github.com?owner=me&repo=homelab-gitops.',
            ),
        inventoryPath: z =>
          z
            .string()
            .optional()
            .describe(
              "The inventory's folder in the repository, for the inventory's.",
            ),
        fileUrlBase: z =>
          z
            .string()
            .optional()
            .describe(
              "The branch's blob URL a path is appended to, for registering files in the catalog.",
            ),
      },
    },
    async handler(ctx) {
      const repository = readHomelabRepository(
        options.config,
        ctx.input.repository,
      );
      if (!repository) {
        throw new InputError(
          `homelab.repositories.${ctx.input.repository} is not configured: name the ${ctx.input.repository} repository (url, or localPath) in app-config.yaml`,
        );
      }
      const target = resolveInside(
        ctx.workspacePath,
        ctx.input.targetPath,
        `targetPath ${ctx.input.targetPath} is outside the workspace`,
      );
      if (repository.local) {
        if (await seedLocalRepository(repository)) {
          ctx.logger.info(
            `Created the local ${repository.role} repository from ${repository.local.seedFrom}`,
          );
        }
        await cloneLocalRepository(
          repository.local.gitDir,
          repository.branch,
          target,
        );
        ctx.logger.info(
          `Checked out ${repository.branch} of the local ${repository.role} repository`,
        );
      } else {
        await fetchContents({
          reader: options.reader,
          integrations,
          fetchUrl: repository.remote!.treeUrl,
          outputPath: target,
        });
        ctx.logger.info(`Checked out ${repository.remote!.treeUrl}`);
        ctx.output('repoUrl', repository.remote!.repoUrl);
        ctx.output('fileUrlBase', repository.remote!.fileUrl(''));
      }
      ctx.output('local', !!repository.local);
      ctx.output('branch', repository.branch);
      if (repository.path) ctx.output('inventoryPath', repository.path);
    },
  });
}

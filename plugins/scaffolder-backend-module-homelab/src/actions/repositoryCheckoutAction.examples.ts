import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const repositoryCheckoutExamples: TemplateExample[] = [
  {
    description:
      'Check out the GitOps repository and open a pull request, or commit when it is a local repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'checkout',
          action: 'homelab:repository:checkout',
          input: { repository: 'gitops', targetPath: 'gitops' },
        },
        {
          id: 'publish',
          if: '${{ not steps.checkout.output.local }}',
          action: 'publish:github:pull-request',
          input: {
            repoUrl: '${{ steps.checkout.output.repoUrl }}',
            targetBranchName: '${{ steps.checkout.output.branch }}',
            branchName: 'deploy-whoami',
            title: 'Deploy whoami',
            description: 'Deploys whoami',
            sourcePath: 'gitops',
          },
        },
        {
          id: 'commit',
          if: '${{ steps.checkout.output.local }}',
          action: 'homelab:repository:commit',
          input: {
            repository: 'gitops',
            sourcePath: 'gitops',
            message: 'Deploy whoami',
          },
        },
      ],
    }),
  },
];

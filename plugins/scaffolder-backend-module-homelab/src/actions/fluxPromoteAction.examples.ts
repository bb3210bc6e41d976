import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const fluxPromoteExamples: TemplateExample[] = [
  {
    description:
      'Promote nextcloud from staging to production and use the summary as the pull request body',
    example: yaml.stringify({
      steps: [
        {
          id: 'promote',
          action: 'homelab:flux:promote',
          name: 'Promote',
          input: {
            repoPath: 'gitops',
            app: 'nextcloud',
            from: 'staging',
            to: 'production',
          },
        },
        {
          id: 'pr',
          action: 'publish:github:pull-request',
          input: {
            repoUrl: 'github.com?owner=me&repo=homelab-gitops',
            branchName: 'promote-nextcloud',
            title: 'Promote nextcloud to production',
            description: '${{ steps.promote.output.summary }}',
            sourcePath: 'gitops',
          },
        },
      ],
    }),
  },
];

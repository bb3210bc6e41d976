import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const repositoryCommitExamples: TemplateExample[] = [
  {
    description: 'Commit a promotion to the local GitOps repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'commit',
          action: 'homelab:repository:commit',
          input: {
            repository: 'gitops',
            sourcePath: 'gitops',
            message: 'Promote nextcloud 6.6.4 to production',
          },
        },
      ],
    }),
  },
];

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const docsGenerateExamples: TemplateExample[] = [
  {
    description:
      "Regenerate the architecture docs next to the inventory in the same pull request that changes it, so the repository's committed docs never lag",
    example: yaml.stringify({
      steps: [
        {
          id: 'docs',
          action: 'homelab:docs:generate',
          input: { inventoryPath: 'inventory', outputPath: 'architecture' },
        },
      ],
    }),
  },
];

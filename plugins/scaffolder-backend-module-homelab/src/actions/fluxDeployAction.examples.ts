import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const fluxDeployExamples: TemplateExample[] = [
  {
    description:
      'Deploy a Helm chart to staging and production, with a value that differs per environment',
    example: yaml.stringify({
      steps: [
        {
          id: 'deploy',
          action: 'homelab:flux:deploy',
          name: 'Write the Flux manifests',
          input: {
            repoPath: 'gitops',
            app: 'podinfo',
            environments: ['staging', 'production'],
            source: {
              kind: 'HelmRepository',
              url: 'https://stefanprodan.github.io/podinfo',
              chart: 'podinfo',
              version: '6.7.1',
            },
            values: { replicaCount: 1 },
            environmentValues: { production: { replicaCount: 2 } },
          },
        },
      ],
    }),
  },
  {
    description:
      'Deploy plain manifests from a tag of a Git repository as a Flux Kustomization',
    example: yaml.stringify({
      steps: [
        {
          id: 'deploy',
          action: 'homelab:flux:deploy',
          input: {
            app: 'homepage',
            environments: ['staging'],
            source: {
              kind: 'GitRepository',
              url: 'https://github.com/me/homepage',
              tag: 'v1.4.0',
              path: './deploy',
            },
          },
        },
      ],
    }),
  },
];

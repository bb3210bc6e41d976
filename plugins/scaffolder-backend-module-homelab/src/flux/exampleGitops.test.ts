import { realFluxRender } from '@homelab/plugin-homelab-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import { fluxSchemaProblems } from '../__testUtils__/fluxSchemas';

const examples = path.resolve(__dirname, '../../../../examples');

describe('the example GitOps repository (examples/gitops)', () => {
  it.each(['staging', 'production'])(
    '%s: what Flux applies, built by the real kustomize, validates and runs the versions of the cluster snapshot',
    async environment => {
      const objects = Object.values(
        await realFluxRender(path.join(examples, 'gitops'), environment),
      );
      expect(objects.length).toBeGreaterThan(25);
      expect(fluxSchemaProblems(objects)).toEqual([]);
      const snapshot = JSON.parse(
        fs.readFileSync(
          path.join(
            examples,
            'snapshots',
            environment,
            'helmreleases.helm.toolkit.fluxcd.io.json',
          ),
          'utf8',
        ),
      );
      for (const app of ['home-assistant', 'nextcloud', 'vaultwarden']) {
        const declared = objects.find(
          o => o.kind === 'HelmRelease' && o.metadata.name === app,
        )!;
        const live = snapshot.items.find(
          (item: any) => item.metadata.name === app,
        );
        expect(
          `${app} ${declared.spec.chart.spec.version} in ${declared.metadata.namespace}`,
        ).toBe(
          `${app} ${live.spec.chart.spec.version} in ${live.metadata.namespace}`,
        );
      }
    },
    60_000,
  );
});

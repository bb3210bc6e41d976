import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  mergePatch,
  validateWithFluxSchemas,
} from '../__testUtils__/fluxSchemas';
import { readEnvironmentRelease } from '../promotion/appVersions';
import { resolveGitopsLayout } from './gitopsLayout';

const examples = path.resolve(__dirname, '../../../../examples');
const gitops = path.join(examples, 'gitops');

function yamlFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, {
    withFileTypes: true,
    recursive: true,
  })) {
    if (entry.isFile() && entry.name.endsWith('.yaml')) {
      const file = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, file)] = fs.readFileSync(file, 'utf8');
    }
  }
  return files;
}

describe('the example GitOps repository (examples/gitops)', () => {
  it('holds only manifests that validate against the Flux schemas, once each patch is applied to what it patches', () => {
    const files = yamlFiles(gitops);
    expect(Object.keys(files).length).toBeGreaterThan(30);
    const documents = Object.entries(files).flatMap(([file, text]) =>
      parseAllDocuments(text).map(d => ({ file, object: d.toJSON() })),
    );
    const patchFiles = new Set(
      documents
        .filter(d => d.object.kind === 'Kustomization' && d.object.patches)
        .flatMap(d =>
          d.object.patches.map((p: { path: string }) =>
            path.posix.join(path.posix.dirname(d.file), p.path),
          ),
        ),
    );
    expect(patchFiles.size).toBe(7);
    const rendered: Record<string, string> = {};
    for (const { file, object } of documents) {
      let whole = object;
      if (patchFiles.has(file)) {
        const target = documents.find(
          d =>
            !patchFiles.has(d.file) &&
            d.object.kind === object.kind &&
            d.object.metadata?.name === object.metadata.name,
        );
        if (!target) throw new Error(`${file} patches nothing`);
        whole = mergePatch(target.object, object);
      }
      rendered[`${file} ${object.kind} ${object.metadata?.name}`] =
        JSON.stringify(whole);
    }
    expect(validateWithFluxSchemas(rendered)).toEqual([]);
  });

  it("says what the example clusters run: each app's chart version per environment is the snapshot's", async () => {
    const layout = resolveGitopsLayout(gitops, new ConfigReader({}));
    for (const environment of ['staging', 'production']) {
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
        const release = await readEnvironmentRelease(
          gitops,
          layout,
          app,
          environment,
        );
        const live = snapshot.items.find(
          (item: any) => item.metadata.name === app,
        );
        expect(`${environment} ${app} ${release.version}`).toBe(
          `${environment} ${app} ${live.spec.chart.spec.version}`,
        );
        expect(release.namespace).toBe(live.metadata.namespace);
      }
    }
  });
});

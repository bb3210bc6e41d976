import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

/** Validates manifests with validators compiled from Flux's CRD schemas (@kubernetes-models/flux-cd). */
export function validateWithFluxSchemas(
  files: Record<string, string>,
): string[] {
  const script = `
    const docs = JSON.parse(process.argv[1]);
    const models = {
      'helm.toolkit.fluxcd.io/v2': '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2',
      'kustomize.toolkit.fluxcd.io/v1': '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1',
      'source.toolkit.fluxcd.io/v1': '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1',
    };
    const problems = [];
    for (const doc of docs) {
      const module = models[doc.apiVersion];
      if (!module) continue;
      const Model = (await import(module))[doc.kind];
      if (!Model) { problems.push('no schema for ' + doc.apiVersion + ' ' + doc.kind); continue; }
      try { new Model(doc).validate(); } catch (e) { problems.push(doc.kind + ' ' + doc.metadata.name + ': ' + e.message); }
    }
    console.log(JSON.stringify(problems));`;
  const docs = Object.values(files).flatMap(text =>
    parseAllDocuments(text).map(d => d.toJSON()),
  );
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(docs)],
    {
      encoding: 'utf8',
      cwd: __dirname,
    },
  );
  return JSON.parse(out);
}

/** A patch merged onto an object, as kustomize's strategic merge does for plain mappings. */
export const mergePatch = (a: any, b: any): any =>
  a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)
    ? Object.fromEntries(
        [...new Set([...Object.keys(a), ...Object.keys(b)])].map(k => [
          k,
          k in b ? mergePatch(a[k], b[k]) : a[k],
        ]),
      )
    : b ?? a;

/**
 * The objects Flux applies in an environment: each base object with the
 * environment's patches merged in, as kustomize's strategic merge does for
 * these plain mappings.
 */
export function renderedEnvironment(
  tree: Record<string, string>,
  base: string,
  overlay: string,
): Record<string, string> {
  const patches = Object.entries(tree)
    .filter(
      ([file]) =>
        file.startsWith(`${overlay}/`) && !file.endsWith('kustomization.yaml'),
    )
    .flatMap(([, text]) => parseAllDocuments(text).map(d => d.toJSON()));
  return Object.fromEntries(
    Object.entries(tree)
      .filter(
        ([file]) =>
          file.startsWith(`${base}/`) && !file.endsWith('kustomization.yaml'),
      )
      .map(([file, text]) => {
        const object = parseAllDocuments(text)[0].toJSON();
        const patch = patches.find(
          p =>
            p.kind === object.kind && p.metadata.name === object.metadata.name,
        );
        return [
          file,
          `${JSON.stringify(patch ? mergePatch(object, patch) : object)}\n`,
        ];
      }),
  );
}

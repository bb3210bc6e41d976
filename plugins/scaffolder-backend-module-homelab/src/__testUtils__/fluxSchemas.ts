import { execFileSync } from 'node:child_process';

/**
 * Problems of Flux objects against Flux's CRD schemas: the validators
 * @kubernetes-models/flux-cd compiles from them, and the CEL rules of the
 * CRDs that JSON schemas cannot carry, as fluxcd/helm-controller's
 * config/crd/bases/helm.toolkit.fluxcd.io_helmreleases.yaml (0f61a86) states
 * them: "either chart or chartRef must be set", and the install/upgrade
 * strategies' retryInterval rules. Objects of other groups are skipped.
 */
export function fluxSchemaProblems(
  objects: Array<Record<string, any>>,
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
      if (!Model) continue;
      try { new Model(doc).validate(); } catch (e) { problems.push(doc.kind + ' ' + doc.metadata.name + ': ' + e.message); }
    }
    console.log(JSON.stringify(problems));`;
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(objects)],
    { encoding: 'utf8', cwd: __dirname, maxBuffer: 64 * 1024 * 1024 },
  );
  const problems: string[] = JSON.parse(out);
  for (const object of objects) {
    if (
      object.kind !== 'HelmRelease' ||
      object.apiVersion !== 'helm.toolkit.fluxcd.io/v2'
    )
      continue;
    const name = `HelmRelease ${object.metadata?.name}`;
    const { chart, chartRef, install, upgrade } = object.spec ?? {};
    if (!!chart === !!chartRef)
      problems.push(`${name}: either chart or chartRef must be set`);
    if (
      install?.strategy?.retryInterval &&
      install.strategy.name !== 'RetryOnFailure'
    ) {
      problems.push(
        `${name}: .retryInterval can only be set when .name is 'RetryOnFailure'`,
      );
    }
    if (
      upgrade?.strategy?.retryInterval &&
      upgrade.strategy.name === 'RemediateOnFailure'
    ) {
      problems.push(
        `${name}: .retryInterval cannot be set when .name is 'RemediateOnFailure'`,
      );
    }
  }
  return problems;
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';

const run = promisify(execFile);

/**
 * The command that builds with the real kustomize: HOMELAB_KUSTOMIZE when
 * set, else `kustomize build`, else kubectl's embedded `kubectl kustomize`
 * (the same choice as fluxcd/flux2-kustomize-helm-example's validate.sh).
 */
async function kustomizeCommand(): Promise<string[]> {
  if (process.env.HOMELAB_KUSTOMIZE)
    return [process.env.HOMELAB_KUSTOMIZE, 'build'];
  for (const [candidate, probe] of [
    [['kustomize', 'build'], ['version']],
    [
      ['kubectl', 'kustomize'],
      ['version', '--client'],
    ],
  ]) {
    try {
      await run(candidate[0], probe, { timeout: 20_000 });
      return candidate;
    } catch {
      // try the next
    }
  }
  throw new Error(
    'Neither kustomize nor kubectl is installed; `npm test` installs them (scripts/test-prerequisites.js)',
  );
}

/**
 * `kustomize build <folder>` with the load restrictions kustomize-controller
 * uses, as parsed objects.
 *
 * @public
 */
export async function realKustomizeBuild(
  folder: string,
): Promise<Array<Record<string, any>>> {
  const [command, ...args] = await kustomizeCommand();
  const { stdout } = await run(
    command,
    [...args, '--load-restrictor=LoadRestrictionsNone', folder],
    { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
  );
  return parseAllDocuments(stdout)
    .map(d => d.toJS())
    .filter(o => o !== null);
}

import { InputError } from '@backstage/errors';
import { isMap, isSeq, parseDocument, YAMLMap } from 'yaml';

/**
 * An environment's kustomization.yaml with the app's base among its
 * resources and its patch files among its patches: created when missing,
 * edited in place (comments kept) when it exists, unchanged when the wiring
 * is already there.
 */
export function wireOverlay(
  existing: string | undefined,
  baseFromOverlay: string,
  patchFiles: string[],
  file: string,
): string {
  const document = parseDocument(
    existing ??
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n',
  );
  if (document.errors.length || !isMap(document.contents)) {
    throw new InputError(
      `${file} is not a kustomization the app can be added to: ${
        document.errors[0]?.message ?? 'not a YAML mapping'
      }`,
    );
  }
  const root = document.contents as YAMLMap;
  const list = (key: string) => {
    let seq: unknown = root.get(key, true);
    if (!seq) {
      seq = document.createNode([]);
      root.set(key, seq);
    }
    if (!isSeq(seq)) throw new InputError(`${file}: ${key} is not a list`);
    // An empty list is written [] (flow style); entries go one per line.
    if (seq.items.length === 0) seq.flow = false;
    return seq;
  };
  const resources = list('resources');
  if (
    !resources.items.some(
      item => String((item as any)?.value ?? item) === baseFromOverlay,
    )
  ) {
    resources.add(document.createNode(baseFromOverlay));
  }
  if (patchFiles.length) {
    const patches = list('patches');
    for (const patch of patchFiles) {
      const present = patches.items.some(
        item => isMap(item) && item.get('path') === patch,
      );
      if (!present) patches.add(document.createNode({ path: patch }));
    }
  }
  return document.toString({ lineWidth: 0 });
}

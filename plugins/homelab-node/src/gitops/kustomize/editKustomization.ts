import { InputError } from '@backstage/errors';
import { isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';

/** A kustomization.yaml as a document to edit in place, comments kept. */
function kustomizationDocument(file: string, text: string) {
  const document = parseDocument(text);
  if (document.errors.length || !isMap(document.contents)) {
    throw new InputError(
      `${file} is not a kustomization that can be edited: ${
        document.errors[0]?.message ?? 'not a YAML mapping'
      }`,
    );
  }
  const root = document.contents as YAMLMap;
  const list = (key: string): YAMLSeq => {
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
  return { document, root, list };
}

const itemText = (item: unknown) =>
  isScalar(item) ? String(item.value) : String(item);

/**
 * The kustomization with `resource` among its resources: added in
 * alphabetical place when the list is sorted (as cluster-template's
 * namespace kustomizations are), else at the end; unchanged when present.
 */
export function addResource(
  file: string,
  text: string,
  resource: string,
): string {
  const { document, list } = kustomizationDocument(file, text);
  const resources = list('resources');
  const normal = (p: string) => p.replace(/^\.\//, '').replace(/\/$/, '');
  const present = resources.items.map(itemText);
  if (present.some(p => normal(p) === normal(resource))) return text;
  const sorted = present.every(
    (p, i) => i === 0 || present[i - 1].localeCompare(p) <= 0,
  );
  const node = document.createNode(resource);
  const at = sorted
    ? present.findIndex(
        p => p.localeCompare(resource) > 0 && !/namespace\.yaml$/.test(p),
      )
    : -1;
  if (at === -1) resources.items.push(node);
  else resources.items.splice(at, 0, node);
  return document.toString({ lineWidth: 0 });
}

/**
 * The kustomization with a patch entry for `patchFile` that targets exactly
 * one object (kind and name), as fluxcd/flux2-kustomize-helm-example writes
 * its patch entries; unchanged when the entry exists.
 */
export function addOverlayPatch(
  file: string,
  text: string,
  patchFile: string,
  target: { kind: string; name: string },
): string {
  const { document, list } = kustomizationDocument(file, text);
  const patches = list('patches');
  if (patches.items.some(item => isMap(item) && item.get('path') === patchFile))
    return text;
  patches.add(document.createNode({ path: patchFile, target }));
  return document.toString({ lineWidth: 0 });
}

/**
 * The kustomization with the target of `patches[index]` narrowed to the
 * named objects: an overlay patch written for one app (its target only a
 * kind) would otherwise reach every new app of that kind.
 */
export function narrowPatchTarget(
  file: string,
  text: string,
  index: number,
  names: string[],
): string {
  const { document, list } = kustomizationDocument(file, text);
  const entry = list('patches').items[index];
  const target = isMap(entry) ? entry.get('target', true) : undefined;
  if (!isMap(target))
    throw new InputError(`${file}: patches[${index}] has no target to narrow`);
  target.set('name', names.length === 1 ? names[0] : names.join('|'));
  return document.toString({ lineWidth: 0 });
}

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
 * Changes to a kustomization: resources to list, patch entries to add (each
 * targeting exactly one object by kind and name, as
 * fluxcd/flux2-kustomize-helm-example writes its entries), and patch
 * targets to narrow to the named objects.
 */
interface KustomizationEdits {
  resources?: string[];
  patches?: Array<{ path: string; target: { kind: string; name: string } }>;
  narrow?: Array<{ index: number; names: string[] }>;
}

/**
 * The kustomization with the edits made in one pass, comments kept; what is
 * there already is left alone. A resource goes in alphabetical place when
 * the list is sorted (as cluster-template's namespace kustomizations are),
 * else at the end. A narrowed target names its objects: an overlay patch
 * written for one app whose target is only a kind would otherwise reach
 * every new app of that kind.
 */
export function editKustomization(
  file: string,
  text: string,
  edits: KustomizationEdits,
): string {
  const { document, list } = kustomizationDocument(file, text);
  let changed = false;
  for (const { index, names } of edits.narrow ?? []) {
    const entry = list('patches').items[index];
    const target = isMap(entry) ? entry.get('target', true) : undefined;
    if (!isMap(target)) {
      throw new InputError(
        `${file}: patches[${index}] has no target to narrow`,
      );
    }
    target.set('name', names.length === 1 ? names[0] : names.join('|'));
    changed = true;
  }
  for (const resource of edits.resources ?? []) {
    const resources = list('resources');
    const normal = (p: string) => p.replace(/^\.\//, '').replace(/\/$/, '');
    const present = resources.items.map(itemText);
    if (present.some(p => normal(p) === normal(resource))) continue;
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
    changed = true;
  }
  for (const patch of edits.patches ?? []) {
    const patches = list('patches');
    if (
      patches.items.some(item => isMap(item) && item.get('path') === patch.path)
    ) {
      continue;
    }
    patches.add(document.createNode(patch));
    changed = true;
  }
  return changed ? document.toString({ lineWidth: 0 }) : text;
}

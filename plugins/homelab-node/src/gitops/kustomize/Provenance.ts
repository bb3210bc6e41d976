import { Origin, originBelow } from './Origin';

type Path = ReadonlyArray<string | number>;

const key = (path: Path) =>
  path
    .map(s => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');

/**
 * For every leaf of a built object (scalars, empty maps and lists), where its
 * value was last written: the resource file, a patch, a transformer's field.
 * Promotion reads the version's origin here to edit the file that decides it.
 */
export class Provenance {
  private constructor(private readonly leaves: Map<string, Origin>) {}

  /** Every leaf of a document's object, as written in that document. */
  static of(value: unknown, origin: Origin): Provenance {
    const provenance = new Provenance(new Map());
    provenance.set([], value, origin);
    return provenance;
  }

  /** Where the value at `path` was written; undefined for a map or list that has entries. */
  get(path: Path): Origin | undefined {
    return this.leaves.get(key(path));
  }

  /** Forgets everything at and below `path`. */
  remove(path: Path): void {
    const prefix = key(path);
    for (const existing of [...this.leaves.keys()]) {
      if (existing === prefix || existing.startsWith(`${prefix}/`)) {
        this.leaves.delete(existing);
      }
    }
  }

  /** Records `value`, now at `path`, as written at `origin` (its leaves below it). */
  set(path: Path, value: unknown, origin: Origin): void {
    this.remove(path);
    // Setting a child of what was a leaf (an empty map) makes it a branch.
    for (let i = 0; i < path.length; i++)
      this.leaves.delete(key(path.slice(0, i)));
    const walk = (at: Path, v: unknown, from: Origin) => {
      let entries: Array<readonly [string | number, unknown]> = [];
      if (Array.isArray(v))
        entries = v.map((item, index) => [index, item] as const);
      else if (v && typeof v === 'object') entries = Object.entries(v);
      if (!entries.length) {
        this.leaves.set(key(at), from);
        return;
      }
      for (const [k, item] of entries)
        walk([...at, k], item, originBelow(from, k));
    };
    walk(path, value, origin);
  }

  /**
   * Renumbers the items of the list at `list` from index `from` on by
   * `delta`, after an item was inserted (+1) or removed (-1) before them.
   */
  shift(list: Path, from: number, delta: number): void {
    const prefix = key(list);
    const moved: Array<[string, Origin]> = [];
    for (const [existing, origin] of [...this.leaves]) {
      if (!existing.startsWith(`${prefix}/`)) continue;
      const rest = existing.slice(prefix.length + 1);
      const index = Number(rest.split('/')[0]);
      if (index >= from) {
        this.leaves.delete(existing);
        moved.push([
          `${prefix}/${index + delta}${rest.slice(String(index).length)}`,
          origin,
        ]);
      }
    }
    for (const [k, origin] of moved) this.leaves.set(k, origin);
  }

  /** Rewrites every recorded origin. */
  rebase(rewrite: (origin: Origin) => Origin): void {
    for (const [k, origin] of this.leaves) this.leaves.set(k, rewrite(origin));
  }
}

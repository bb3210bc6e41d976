import { InputError } from '@backstage/errors';
import { RepositoryFiles, repositoryPath } from './RepositoryFiles';

/**
 * A file an action changes or creates, with its text before and after.
 *
 * @public
 */
export interface ChangedFile {
  /** Relative to the repository. */
  path: string;
  /** Undefined for a new file. */
  before?: string;
  /** Its text after the action. */
  after: string;
}

/**
 * The files an action plans to write, as edits accumulate on them; nothing
 * touches the repository until the plan is complete and checked.
 */
export class PlannedFiles {
  private readonly texts = new Map<
    string,
    { before?: string; after?: string }
  >();
  /** New files that exist already with other content. */
  private readonly conflicts: string[] = [];
  private readonly unchanged = new Set<string>();

  constructor(private readonly repo: RepositoryFiles) {}

  private async entry(file: string) {
    const key = repositoryPath('', file);
    if (!this.texts.has(key)) {
      const text = await this.repo.read(key);
      this.texts.set(key, { before: text, after: text });
    }
    return this.texts.get(key)!;
  }

  async read(file: string): Promise<string | undefined> {
    return (await this.entry(file)).after;
  }

  /** A new file: identical content is left alone; other content is a conflict, never overwritten. */
  async write(file: string, text: string): Promise<void> {
    const entry = await this.entry(file);
    if (entry.after === text) {
      if (entry.before === text) this.unchanged.add(repositoryPath('', file));
    } else if (entry.after !== undefined) {
      this.conflicts.push(repositoryPath('', file));
    } else {
      entry.after = text;
    }
  }

  /** An edit of a file that exists, or that this plan created. */
  async edit(file: string, change: (text: string) => string): Promise<void> {
    const entry = await this.entry(file);
    if (entry.after === undefined)
      throw new InputError(`${file} does not exist`);
    entry.after = change(entry.after);
  }

  /** Every file that would change; refused when a new file would overwrite another. */
  changed(): ChangedFile[] {
    if (this.conflicts.length) {
      throw new InputError(
        `These files already exist with other content and were not overwritten (nothing was written): ${[
          ...new Set(this.conflicts),
        ].join(', ')}`,
      );
    }
    return [...this.texts].flatMap(([path, { before, after }]) =>
      after !== undefined && after !== before ? [{ path, before, after }] : [],
    );
  }

  /** Files the plan would have written that already hold exactly that. */
  alreadyThere(): string[] {
    return [...this.unchanged];
  }
}

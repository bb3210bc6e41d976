import fs from 'node:fs/promises';
import path from 'node:path';
import { checkoutPath } from './checkoutRepository';
import { ChangedFile } from './PlannedFiles';

/**
 * Writes planned files into the checkout at `root`, each path checked
 * through resolveSafeChildPath (symbolic links followed) before anything is
 * written, so a link in the repository cannot take a write outside it.
 *
 * @public
 */
export async function writeChangedFiles(
  root: string,
  files: ChangedFile[],
): Promise<void> {
  const targets = files.map(file => ({
    full: checkoutPath(root, file.path),
    file,
  }));
  for (const { full, file } of targets) {
    await fs.mkdir(path.dirname(full), { recursive: true });
    // The folder just made may be reached through a link committed since
    // the check; check again where the file lands.
    checkoutPath(root, file.path);
    await fs.writeFile(full, file.after);
  }
}

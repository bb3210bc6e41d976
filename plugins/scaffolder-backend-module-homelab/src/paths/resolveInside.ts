import { InputError } from '@backstage/errors';
import path from 'node:path';

/**
 * `relative` resolved against `folder`, refused with `outsideMessage` when it
 * would leave the folder: template input never reaches files outside the
 * workspace or the repository.
 */
export function resolveInside(
  folder: string,
  relative: string,
  outsideMessage: string,
): string {
  const root = path.resolve(folder);
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) {
    throw new InputError(outsideMessage);
  }
  return full;
}

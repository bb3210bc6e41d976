import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/**
 * `relative` resolved against `folder` through Backstage's
 * resolveSafeChildPath, which follows symbolic links; refused with
 * `outsideMessage` when the path, or a link on the way, leaves the folder:
 * template input and links committed in a repository never reach files
 * outside the workspace.
 */
export function resolveInside(
  folder: string,
  relative: string,
  outsideMessage: string,
): string {
  try {
    return resolveSafeChildPath(folder, relative);
  } catch {
    throw new InputError(outsideMessage);
  }
}

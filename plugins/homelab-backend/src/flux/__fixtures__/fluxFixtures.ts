import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { RawFluxObject } from '../parseFluxObject';

/**
 * The objects of one fixture file in this folder, in order; each file says
 * at its top which upstream artefacts it reproduces.
 */
export function fluxFixture(
  file: string,
): Array<RawFluxObject & { kind: string }> {
  return parseAllDocuments(
    fs.readFileSync(
      resolvePackagePath(
        '@homelab/plugin-homelab-backend',
        'src/flux/__fixtures__',
        file,
      ),
      'utf8',
    ),
  ).map(document => document.toJSON());
}

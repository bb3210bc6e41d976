import { SloDefinition } from '@homelab/plugin-homelab-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseOpenSlo } from '../openslo';
import { SloReading, SloSource } from './SloSource';

/**
 * OpenSLO documents in a file the operator configured (homelab.slos.files).
 * SLOs are identified by the path as configured, so their ids do not depend
 * on where the backend is installed.
 */
export class OpenSloFileSource implements SloSource {
  constructor(readonly name: string) {}

  async read(): Promise<SloReading> {
    const text = await fs.readFile(path.resolve(this.name), 'utf8');
    return parseOpenSlo(text, this.name);
  }

  owns(definition: SloDefinition): boolean {
    return definition.source === 'openslo' && definition.origin === this.name;
  }
}

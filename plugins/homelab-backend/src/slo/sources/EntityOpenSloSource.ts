import { AuthService, UrlReaderService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_OPENSLO,
  SloDefinition,
} from '@homelab/plugin-homelab-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fetchEntities } from '../../catalog/fetchEntities';
import { parseOpenSlo } from '../openslo';
import { SloReading, SloSource } from './SloSource';

/**
 * Where an entity's annotation points: a URL as written; a relative path
 * against the entity's own location, which for a file location must stay
 * inside that file's folder, so an annotation cannot read other files of
 * the backend's machine.
 */
export function resolveOpenSloTarget(
  target: string,
  location: string | undefined,
):
  | { type: 'url'; target: string }
  | { type: 'file'; target: string; folder: string } {
  if (/^https?:\/\//.test(target)) return { type: 'url', target };
  if (location?.startsWith('url:')) {
    return {
      type: 'url',
      target: new URL(target, location.slice(4)).toString(),
    };
  }
  if (location?.startsWith('file:')) {
    const folder = path.dirname(location.slice(5));
    const file = path.resolve(folder, target);
    if (!file.startsWith(`${folder}${path.sep}`)) {
      throw new Error(
        "it points outside the folder of the entity's catalog file",
      );
    }
    return { type: 'file', target: file, folder };
  }
  throw new Error(
    'relative paths need an entity registered from a file or URL location',
  );
}

/** The OpenSLO documents an entity's homelab.dev/openslo annotation points at; its SLOs belong to it. */
export class EntityOpenSloSource implements SloSource {
  readonly name: string;
  readonly #entityRef: string;

  static async forAnnotatedEntities(
    catalog: CatalogService,
    auth: AuthService,
    urlReader: UrlReaderService,
  ): Promise<EntityOpenSloSource[]> {
    const entities = await fetchEntities(
      catalog,
      auth,
      { [`metadata.annotations.${ANNOTATION_OPENSLO}`]: CATALOG_FILTER_EXISTS },
      ['kind', 'metadata.name', 'metadata.namespace', 'metadata.annotations'],
    );
    return entities.map(entity => new EntityOpenSloSource(entity, urlReader));
  }

  constructor(
    private readonly entity: Entity,
    private readonly urlReader: UrlReaderService,
  ) {
    this.#entityRef = stringifyEntityRef(entity);
    this.name = `${this.#entityRef} (${ANNOTATION_OPENSLO})`;
  }

  async read(): Promise<SloReading> {
    const annotations = this.entity.metadata.annotations ?? {};
    const resolved = resolveOpenSloTarget(
      annotations[ANNOTATION_OPENSLO],
      annotations[ANNOTATION_LOCATION],
    );
    let text: string;
    if (resolved.type === 'file') {
      // A symbolic link must not lead out of the folder either.
      const [file, folder] = await Promise.all([
        fs.realpath(resolved.target),
        fs.realpath(resolved.folder),
      ]);
      if (!file.startsWith(`${folder}${path.sep}`)) {
        throw new Error(
          "it points outside the folder of the entity's catalog file",
        );
      }
      text = await fs.readFile(file, 'utf8');
    } else {
      text = (
        await (await this.urlReader.readUrl(resolved.target)).buffer()
      ).toString('utf8');
    }
    // Named by entity and annotation, so SLO ids do not depend on where the
    // catalog file is checked out.
    const origin = `${this.#entityRef}:${annotations[ANNOTATION_OPENSLO]}`;
    const { slos, problems } = parseOpenSlo(text, origin);
    return {
      slos: slos.map(slo => ({ ...slo, entityRef: this.#entityRef })),
      problems,
    };
  }

  owns(definition: SloDefinition): boolean {
    return (
      definition.source === 'openslo' &&
      definition.entityRef === this.#entityRef
    );
  }
}

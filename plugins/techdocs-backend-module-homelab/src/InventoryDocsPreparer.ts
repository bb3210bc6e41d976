import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotModifiedError } from '@backstage/errors';
import { ANNOTATION_INVENTORY_DOCS } from '@homelab/plugin-homelab-common';
import {
  formatErrors,
  generateInventoryDocs,
  InventoryLocationConfig,
  readInventoryFromTarget,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import {
  PreparerBase,
  PreparerOptions,
  PreparerResponse,
} from '@backstage/plugin-techdocs-node';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Prepared sites of one entity older than this are removed. */
const KEEP_OLD_SITES_MS = 60 * 60 * 1000;

/**
 * The TechDocs preparer for `dir:` references. For an entity carrying
 * homelab.dev/inventory-docs (a site's Domain), it reads that inventory,
 * validates it like the catalog does and generates the architecture docs
 * (see generateInventoryDocs), so the docs are rebuilt from the inventory at
 * every TechDocs build and never drift. Every other entity goes to
 * TechDocs' own directory preparer, unchanged.
 *
 * The etag is a hash of the generated files: TechDocs skips the build while
 * the inventory's docs are unchanged and rebuilds at the first change. An
 * invalid inventory fails the build with the validator's problems; the
 * docs published before stay.
 */
export class InventoryDocsPreparer implements PreparerBase {
  constructor(
    private readonly options: {
      locations: InventoryLocationConfig[];
      reader: UrlReaderService;
      logger: LoggerService;
      /** Prepares every entity that is not a homelab site. */
      fallback: PreparerBase;
      /** Where prepared sites are kept, one folder per entity and version. */
      workDir: string;
    },
  ) {}

  // TechDocs' directory preparer never cleans (its folder may be the
  // source); this one keeps its own folders tidy in prepare().
  shouldCleanPreparedDirectory(): boolean {
    return false;
  }

  async prepare(
    entity: Entity,
    options?: PreparerOptions,
  ): Promise<PreparerResponse> {
    const locationName =
      entity.metadata.annotations?.[ANNOTATION_INVENTORY_DOCS];
    if (!locationName) return this.options.fallback.prepare(entity, options);

    const location = this.options.locations.find(l => l.name === locationName);
    if (!location) {
      throw new InputError(
        `${stringifyEntityRef(
          entity,
        )} asks for the docs of inventory "${locationName}", which is not in homelab.inventory.locations`,
      );
    }
    const validation = validateInventoryFiles(
      await readInventoryFromTarget(this.options.reader, location.target),
    );
    if (!validation.inventory) {
      throw new InputError(
        `The homelab inventory "${location.name}" (${
          location.target
        }) is invalid, so its docs were not rebuilt:\n${formatErrors(
          validation.problems,
        )}`,
      );
    }
    const files = generateInventoryDocs(validation.inventory);
    const hash = crypto.createHash('sha256');
    for (const file of files) hash.update(`${file.path}\0${file.content}\0`);
    const etag = hash.digest('hex');
    if (options?.etag === etag) throw new NotModifiedError();

    const entityDir = path.join(
      this.options.workDir,
      stringifyEntityRef(entity).replace(/[^a-z0-9-]/gi, '_'),
    );
    const preparedDir = path.join(entityDir, etag.slice(0, 16));
    await this.write(preparedDir, files);
    await this.removeOldSites(entityDir, preparedDir);
    options?.logger?.info(
      `Generated ${files.length} docs files from the homelab inventory "${location.name}"`,
    );
    return { preparedDir, etag };
  }

  /** Writes beside the target and renames, so a concurrent build never reads half a site. */
  private async write(
    preparedDir: string,
    files: Array<{ path: string; content: string }>,
  ) {
    try {
      await fs.access(preparedDir);
      return;
    } catch {
      // not prepared yet
    }
    const staging = `${preparedDir}.${process.pid}.${Date.now()}`;
    for (const file of files) {
      const target = path.join(staging, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.content);
    }
    try {
      await fs.rename(staging, preparedDir);
    } catch (error) {
      // Another build prepared the same version first.
      await fs.rm(staging, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  }

  private async removeOldSites(entityDir: string, current: string) {
    const now = Date.now();
    for (const name of await fs.readdir(entityDir)) {
      const dir = path.join(entityDir, name);
      if (dir === current) continue;
      const { mtimeMs } = await fs.stat(dir);
      if (now - mtimeMs > KEEP_OLD_SITES_MS) {
        await fs.rm(dir, { recursive: true, force: true });
        this.options.logger.debug(`Removed the old prepared docs ${dir}`);
      }
    }
  }
}

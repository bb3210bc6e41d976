import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { InventoryInputFile } from './parseInventory';

/**
 * Folders with more inventory files than this are refused as a likely mistake.
 *
 * @public
 */
export const MAX_INVENTORY_FILES = 2000;

const isInventoryFile = (name: string) => /\.ya?ml$/i.test(name);

/**
 * Reads an inventory from the local disk: one YAML file, or every .yaml and
 * .yml file below a folder (hidden folders and node_modules skipped), in a
 * stable order. Files are named by their path as given, so problems point
 * where the user looks.
 *
 * @public
 */
export async function readInventoryFromPath(
  target: string,
): Promise<InventoryInputFile[]> {
  const stat = await fs.stat(target).catch(() => {
    throw new InputError(`inventory path ${target} does not exist`);
  });
  if (stat.isFile()) {
    return [{ name: target, content: await fs.readFile(target) }];
  }
  const found: string[] = [];
  async function walk(folder: string) {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else if (entry.isFile() && isInventoryFile(entry.name)) {
        found.push(full);
        if (found.length > MAX_INVENTORY_FILES) {
          throw new InputError(
            `inventory folder ${target} holds more than ${MAX_INVENTORY_FILES} YAML files; point the inventory at the folder that holds only the inventory`,
          );
        }
      }
    }
  }
  await walk(target);
  found.sort();
  return Promise.all(
    found.map(async file => ({ name: file, content: await fs.readFile(file) })),
  );
}

/**
 * Reads an inventory through Backstage's UrlReader, so any location the
 * integrations can read (GitHub, GitLab, Bitbucket, Gitea, plain HTTP)
 * works: a URL ending in .yaml or .yml is one file, anything else a folder.
 *
 * @public
 */
export async function readInventoryFromUrl(
  reader: UrlReaderService,
  url: string,
): Promise<InventoryInputFile[]> {
  if (isInventoryFile(new URL(url).pathname)) {
    const response = await reader.readUrl(url);
    return [{ name: url, content: await response.buffer() }];
  }
  const tree = await reader.readTree(url, {
    filter: filePath =>
      isInventoryFile(filePath) &&
      !filePath
        .split('/')
        .some(part => part.startsWith('.') || part === 'node_modules'),
  });
  const files = await tree.files();
  if (files.length > MAX_INVENTORY_FILES) {
    throw new InputError(
      `inventory at ${url} holds more than ${MAX_INVENTORY_FILES} YAML files`,
    );
  }
  const base = url.replace(/\/+$/, '');
  const read = await Promise.all(
    files.map(async file => ({
      name: `${base}/${file.path}`,
      content: await file.content(),
    })),
  );
  return read.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A local path, or a URL for the UrlReader.
 *
 * @public
 */
export function isUrlTarget(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
}

/**
 * Reads an inventory from a configured target: a URL through the
 * UrlReader, anything else from the backend's disk.
 *
 * @public
 */
export async function readInventoryFromTarget(
  reader: UrlReaderService,
  target: string,
): Promise<InventoryInputFile[]> {
  return isUrlTarget(target)
    ? readInventoryFromUrl(reader, target)
    : readInventoryFromPath(target);
}

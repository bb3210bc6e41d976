import fs from 'node:fs/promises';
import path from 'node:path';
import { requestJson } from '../http/requestJson';
import { NetboxSnapshot } from './netboxObjects';
import { NetboxSource } from './netboxSources';

/** Each list of the snapshot and the API path it is read from. */
const ENDPOINTS: Record<keyof NetboxSnapshot, string> = {
  devices: 'dcim/devices',
  interfaces: 'dcim/interfaces',
  ipAddresses: 'ipam/ip-addresses',
  prefixes: 'ipam/prefixes',
  ipRanges: 'ipam/ip-ranges',
  vlans: 'ipam/vlans',
};

/** Lists the site filter applies to, with the filter NetBox knows them by. */
const SITE_FILTERED: Partial<Record<keyof NetboxSnapshot, string>> = {
  devices: 'site',
  interfaces: 'site',
  prefixes: 'site',
  vlans: 'site',
};

/** IP ranges came with NetBox 2.10; an older NetBox has none to give. */
const OPTIONAL: ReadonlySet<keyof NetboxSnapshot> = new Set(['ipRanges']);

/** A bound on pages, so a server that always says "next" cannot loop us forever. */
const MAX_PAGES = 10_000;

function resultsOf(body: unknown, where: string): unknown[] {
  const results = (body as { results?: unknown } | undefined)?.results;
  if (!Array.isArray(results)) {
    throw new Error(`${where} holds no "results" list`);
  }
  return results.filter(
    item => typeof (item as { id?: unknown } | null)?.id === 'number',
  );
}

function authorization(token: string): string {
  return token.startsWith('nbt_') ? `Bearer ${token}` : `Token ${token}`;
}

/**
 * Every page of one list, by limit and offset. NetBox's `next` link says
 * whether there is more, but only its offset is followed: behind a proxy the
 * link may name another host, and requests go only to the configured one.
 */
async function readPages(
  source: Extract<NetboxSource, { api: unknown }>,
  list: keyof NetboxSnapshot,
  signal?: AbortSignal,
): Promise<unknown[] | undefined> {
  const { token, pageSize, ...connection } = source.api;
  const filter =
    source.site && SITE_FILTERED[list]
      ? `&${SITE_FILTERED[list]}=${encodeURIComponent(source.site)}`
      : '';
  const items: unknown[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const apiPath = `api/${ENDPOINTS[list]}/?limit=${pageSize}&offset=${items.length}${filter}`;
    const response = await requestJson(
      connection,
      {
        method: 'GET',
        path: apiPath,
        headers: { authorization: authorization(token) },
      },
      signal,
    );
    const where = `GET /api/${ENDPOINTS[list]}/`;
    if (response.status === 404 && OPTIONAL.has(list)) return undefined;
    if (response.status === 401 || response.status === 403) {
      throw new Error(
        `${where} was refused (${response.status}): check the token and its permissions`,
      );
    }
    if (response.status !== 200) {
      throw new Error(
        `${where} answered ${response.status}: ${response.text.slice(0, 200)}`,
      );
    }
    const results = resultsOf(response.body, `the answer of ${where}`);
    items.push(...results);
    const next = (response.body as { next?: unknown }).next;
    if (!next || results.length === 0) return items;
  }
  throw new Error(
    `GET /api/${ENDPOINTS[list]}/ still had more after ${MAX_PAGES} pages`,
  );
}

async function readRecorded(
  folder: string,
  list: keyof NetboxSnapshot,
): Promise<unknown[] | undefined> {
  const file = path.join(folder, `${ENDPOINTS[list]}.json`);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' &&
      OPTIONAL.has(list)
    )
      return undefined;
    throw error;
  }
  return resultsOf(JSON.parse(text), file);
}

/**
 * Everything the inventory is built from, from one NetBox: devices,
 * interfaces, IP addresses, prefixes, IP ranges and VLANs, each list read to
 * its last page, or from the recorded answers. Either all lists are read or
 * the read fails: a half-read NetBox would look like deleted devices. Errors
 * name the source, the list and NetBox's reason, never the token.
 *
 * @public
 */
export async function readNetbox(
  source: NetboxSource,
  signal?: AbortSignal,
): Promise<NetboxSnapshot> {
  const snapshot: Record<string, unknown[]> = {};
  for (const list of Object.keys(ENDPOINTS) as Array<keyof NetboxSnapshot>) {
    try {
      snapshot[list] =
        ('api' in source
          ? await readPages(source, list, signal)
          : await readRecorded(source.recorded, list)) ?? [];
    } catch (error) {
      throw new Error(`NetBox "${source.name}": ${(error as Error).message}`);
    }
  }
  return snapshot as unknown as NetboxSnapshot;
}

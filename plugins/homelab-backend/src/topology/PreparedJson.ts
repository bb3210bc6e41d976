import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { TimeSlicer } from './TimeSlicer';

const gzipAsync = promisify(gzip);

/** An answer serialised once and served many times: its JSON, gzipped copy and entity tag. */
export interface PreparedJson {
  json: Buffer;
  gzip: Buffer;
  /** A strong entity tag of the JSON: the same content has the same tag on every replica. */
  etag: string;
}

/**
 * Serialises an object whose large arrays are its top-level properties (a
 * graph's nodes and edges), an element at a time between pauses of the
 * slicer, then gzips it on libuv's thread pool: a 3 MB graph never holds the
 * event loop for more than a slice.
 */
export async function prepareJson(
  value: Record<string, unknown>,
  slicer: TimeSlicer,
): Promise<PreparedJson> {
  const parts: string[] = [];
  const hash = createHash('sha256');
  const emit = (text: string) => {
    parts.push(text);
    hash.update(text);
  };
  emit('{');
  let firstKey = true;
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    emit(`${firstKey ? '' : ','}${JSON.stringify(key)}:`);
    firstKey = false;
    if (!Array.isArray(field)) {
      emit(JSON.stringify(field));
      continue;
    }
    emit('[');
    let firstItem = true;
    await slicer.forEach(field, item => {
      emit(`${firstItem ? '' : ','}${JSON.stringify(item)}`);
      firstItem = false;
    });
    emit(']');
  }
  emit('}');
  const json = Buffer.from(parts.join(''));
  await slicer.pause();
  return {
    json,
    gzip: await gzipAsync(json),
    etag: `"${hash.digest('base64url').slice(0, 32)}"`,
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { HostConnection } from '../http/requestJson';
import type { CliIo } from './runInventoryCli';

/** The flags every import command takes to reach its host. */
export const HOST_FLAG_OPTIONS = {
  url: { type: 'string' },
  'ca-file': { type: 'string' },
  insecure: { type: 'boolean', default: false },
} as const;

/**
 * How an import command reaches the host given by --url: TLS verified
 * against --ca-file (a PEM file), or not at all with --insecure.
 */
export function hostConnection(
  values: { url?: string; 'ca-file'?: string; insecure?: boolean },
  io: CliIo,
): HostConnection {
  return {
    url: values.url!,
    caData: values['ca-file']
      ? fs.readFileSync(path.resolve(io.cwd(), values['ca-file']), 'base64')
      : undefined,
    skipTLSVerify: values.insecure,
    timeoutMs: 15_000,
  };
}

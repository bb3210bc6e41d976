import { ServiceUnavailableError } from '@backstage/errors';

/** Error codes of a database that cannot be reached, and how to say so. */
const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve',
  // PostgreSQL: the server shut down, crashed, or is starting or stopping.
  '57P01': 'the server ended the connection',
  '57P02': 'the server ended the connection',
  '57P03': 'the server is not accepting connections yet',
  '53300': 'the server has no connection to spare',
};

/** Messages of connections lost or never made, from the pg driver and knex's pool. */
const UNREACHABLE_MESSAGES: Array<[RegExp, string]> = [
  [/connection terminated/i, 'the connection was lost'],
  [/timeout acquiring a connection/i, 'no connection became free in time'],
  [/unable to acquire a connection/i, 'its connections are closed'],
  [/database connection is not open/i, 'its connections are closed'],
];

/**
 * Why the database could not be reached, when that is what the error says;
 * undefined for every other error (a constraint, a bug).
 */
export function databaseUnreachableReason(error: unknown): string | undefined {
  const { code, message, name } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
  };
  if (typeof code === 'string') {
    if (UNREACHABLE_CODES[code]) return UNREACHABLE_CODES[code];
    // PostgreSQL's class 08: connection exceptions.
    if (/^08[0-9A-Z]{3}$/.test(code)) return 'the connection failed';
  }
  if (name === 'KnexTimeoutError') return 'no connection became free in time';
  const text = typeof message === 'string' ? message : '';
  return UNREACHABLE_MESSAGES.find(([pattern]) => pattern.test(text))?.[1];
}

/**
 * The homelab database cannot be reached. The API answers it with 503 (its
 * name is ServiceUnavailableError's), and a run it stops is interrupted
 * rather than failed: the source did nothing wrong. The message says why
 * without the database's address or the driver's details, which an API
 * answer must not show.
 */
export class DatabaseUnavailableError extends ServiceUnavailableError {
  constructor(reason: string) {
    super(`The homelab database is unavailable: ${reason}; try again shortly`);
  }
}

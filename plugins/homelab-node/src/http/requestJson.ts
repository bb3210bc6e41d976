import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

/**
 * How to reach an operator-configured host.
 *
 * @public
 */
export interface HostConnection {
  /** Base URL from config, like https://192.168.100.5:8006. */
  url: string;
  /** Base64 PEM of the CA that signed the host's certificate. */
  caData?: string;
  /** Accept any certificate: only for a lab host the operator trusts. */
  skipTLSVerify?: boolean;
  /** Milliseconds allowed for one request. */
  timeoutMs: number;
}

/**
 * One request to a configured host.
 *
 * @public
 */
export interface JsonRequest {
  /** The HTTP method. */
  method: 'GET' | 'POST' | 'PUT';
  /** Path and query below the host's URL. */
  path: string;
  /** Request headers, such as the host's authorization; never in errors. */
  headers?: Record<string, string>;
  /** A body already encoded, or a stream with its length. */
  body?: string | { stream: Readable; length: number; contentType: string };
}

/**
 * A host's answer: its status, its body parsed as JSON (undefined when it is
 * not JSON) and its text.
 *
 * @public
 */
export interface JsonResponse {
  /** The HTTP status code. */
  status: number;
  /** The body parsed as JSON; undefined when it is not JSON. */
  body: unknown;
  /** The body as text. */
  text: string;
}

/**
 * One HTTP(S) request to a configured host, answered as JSON. TLS is verified
 * against the configured CA unless the operator turned that off. Errors name
 * the method, the path and what went wrong, never a header (they carry
 * tokens).
 *
 * @public
 */
export function requestJson(
  host: HostConnection,
  request: JsonRequest,
  signal?: AbortSignal,
): Promise<JsonResponse> {
  const url = new URL(request.path, `${host.url.replace(/\/+$/, '')}/`);
  const isHttps = url.protocol === 'https:';
  const body = request.body;
  const headers: Record<string, string | number> = {
    accept: 'application/json',
    ...request.headers,
  };
  if (typeof body === 'string') {
    headers['content-length'] = Buffer.byteLength(body);
  } else if (body) {
    headers['content-length'] = body.length;
    headers['content-type'] = body.contentType;
  }
  const describe = `${request.method} ${url.pathname}`;
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions = {
      method: request.method,
      headers,
      timeout: host.timeoutMs,
      signal,
      // A shared agent's options override the request's, so another plugin
      // setting https.globalAgent.options.ca would replace this host's CA.
      agent: false,
      ...(isHttps
        ? {
            ca: host.caData
              ? Buffer.from(host.caData, 'base64').toString('utf8')
              : undefined,
            rejectUnauthorized: !host.skipTLSVerify,
          }
        : {}),
    };
    const req = (isHttps ? https : http).request(url, options, res => {
      const chunks: Buffer[] = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('error', error =>
        reject(new Error(`${describe} failed: ${error.message}`)),
      );
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = undefined;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // Not JSON: callers see the status and the text.
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, text });
      });
    });
    req.on('timeout', () => {
      req.destroy(
        new Error(`${describe} timed out after ${host.timeoutMs} ms`),
      );
    });
    req.on('error', error => {
      const message = error.message.startsWith(describe)
        ? error.message
        : `${describe} failed: ${error.message}`;
      reject(new Error(message));
    });
    if (typeof body === 'string') {
      req.end(body);
    } else if (body) {
      body.stream.on('error', error => req.destroy(error));
      body.stream.pipe(req);
    } else {
      req.end();
    }
  });
}

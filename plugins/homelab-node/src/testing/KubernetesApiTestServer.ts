import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A local HTTPS server that speaks enough of the Kubernetes API for tests:
 * list endpoints with limit/continue paging and resourceVersion, bearer-token
 * authentication and Status error objects, as a real API server answers. No
 * real cluster can run where the tests run; this serves recorded objects.
 * Its certificate is signed by a test CA, given as {@link caData}, so clients
 * verify TLS as they would against a real API server.
 */

const tlsDir = resolvePackagePath(
  '@homelab/plugin-homelab-node',
  'test-fixtures/tls',
);
const readTls = (file: string) => fs.readFileSync(path.join(tlsDir, file));

/**
 * What a {@link KubernetesApiTestServer} serves.
 *
 * @public
 */
export interface KubernetesApiTestServerOptions {
  /** Objects per collection path, like "/api/v1/nodes". */
  collections: Record<string, unknown[]>;
  /**
   * Other answers per path: discovery ("/apis"), or a service proxy path
   * ("/api/v1/namespaces/polaris/services/polaris-dashboard:80/proxy/results.json").
   * Strings are sent as they are, anything else as JSON.
   */
  documents?: Record<string, unknown>;
  /** Bearer token the server accepts; requests without it get 401. */
  token?: string;
  /** Delay before every answer, to test timeouts. */
  delayMs?: number;
}

/**
 * A request the server received.
 *
 * @public
 */
export interface RecordedRequest {
  /** HTTP method. */
  method: string;
  /** URL path, like "/api/v1/nodes". */
  path: string;
  /** Query parameters, like limit and continue. */
  query: Record<string, string>;
  /** Whether it carried the expected bearer token. */
  authorized: boolean;
  /** Content type of the request body, if any. */
  contentType?: string;
  /** The parsed request body, for patches. */
  body?: unknown;
}

/** RFC 7386 JSON merge patch: null removes a field, objects merge, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    return patch;
  const result: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as object) }
      : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function status(code: number, reason: string, message: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
}

/**
 * A local HTTPS server speaking the Kubernetes list API with given objects.
 *
 * @public
 */
export class KubernetesApiTestServer {
  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  #collections: Record<string, unknown[]>;
  #failure?: { code: number; reason: string; afterRequests: number };
  #delayMs: number;

  /** Base64 PEM of the CA that signed the server's certificate. */
  readonly caData = readTls('ca.crt').toString('base64');

  private constructor(
    private readonly server: https.Server,
    private readonly options: KubernetesApiTestServerOptions,
  ) {
    this.#collections = options.collections;
    this.#delayMs = options.delayMs ?? 0;
  }

  /** Starts a server on a free port of 127.0.0.1. */
  static async start(
    options: KubernetesApiTestServerOptions,
  ): Promise<KubernetesApiTestServer> {
    const server = https.createServer({
      key: readTls('server.key'),
      cert: readTls('server.crt'),
    });
    const instance = new KubernetesApiTestServer(server, options);
    server.on('request', (request, response) =>
      instance.handle(request, response),
    );
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  /** The server's base URL. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `https://127.0.0.1:${port}`;
  }

  /** Replaces the served objects, as a cluster changes between two reads. */
  setCollections(collections: Record<string, unknown[]>) {
    this.#collections = collections;
  }

  /** Answers every request after the first `afterRequests` with this error. */
  failWith(code: number, reason: string, afterRequests = 0) {
    this.#failure = {
      code,
      reason,
      afterRequests: this.requests.length + afterRequests,
    };
  }

  /** Delays every later answer, to test timeouts. */
  setDelay(delayMs: number) {
    this.#delayMs = delayMs;
  }

  /** Stops failing requests. */
  recover() {
    this.#failure = undefined;
  }

  /**
   * Applies a merge patch to a namespaced object: PATCH
   * /apis/{group}/{version}/namespaces/{ns}/{plural}/{name} changes the object
   * in the collection /apis/{group}/{version}/{plural}.
   */
  #patch(
    pathname: string,
    recorded: RecordedRequest,
    send: (code: number, body: unknown) => void,
  ) {
    const match =
      /^(\/apis\/[^/]+\/[^/]+)\/namespaces\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(
        pathname,
      );
    if (!match) {
      send(
        405,
        status(
          405,
          'MethodNotAllowed',
          'only namespaced custom objects can be patched here',
        ),
      );
      return;
    }
    const [, prefix, namespace, plural, name] = match;
    const collection = this.#collections[`${prefix}/${plural}`] ?? [];
    const index = collection.findIndex(
      (object: any) =>
        object.metadata?.namespace === namespace &&
        object.metadata?.name === name,
    );
    if (index === -1) {
      send(404, status(404, 'NotFound', `${plural} "${name}" not found`));
      return;
    }
    if (recorded.contentType !== 'application/merge-patch+json') {
      send(
        415,
        status(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format: ${recorded.contentType}`,
        ),
      );
      return;
    }
    collection[index] = mergePatch(collection[index], recorded.body);
    send(200, collection[index]);
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise(resolve => this.server.close(resolve));
  }

  private async handle(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // As an API server does: "polaris-dashboard%3A80" names "polaris-dashboard:80".
    const pathname = decodeURIComponent(url.pathname);
    const authorized =
      !this.options.token ||
      request.headers.authorization === `Bearer ${this.options.token}`;
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: pathname,
      query: Object.fromEntries(url.searchParams),
      authorized,
    };
    if (raw) {
      recorded.contentType = request.headers['content-type'];
      recorded.body = JSON.parse(raw);
    }
    this.requests.push(recorded);
    if (this.#delayMs)
      await new Promise(resolve => setTimeout(resolve, this.#delayMs));

    const send = (code: number, body: unknown) => {
      if (response.destroyed) return;
      response.writeHead(code, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };

    if (this.#failure && this.requests.length > this.#failure.afterRequests) {
      send(
        this.#failure.code,
        status(this.#failure.code, this.#failure.reason, this.#failure.reason),
      );
      return;
    }
    if (!authorized) {
      send(401, status(401, 'Unauthorized', 'Unauthorized'));
      return;
    }
    if (request.method === 'PATCH') {
      this.#patch(pathname, recorded, send);
      return;
    }
    const document = this.options.documents?.[pathname];
    if (document !== undefined) {
      if (response.destroyed) return;
      const text = typeof document === 'string';
      response.writeHead(200, {
        'content-type': text ? 'text/plain' : 'application/json',
      });
      response.end(text ? document : JSON.stringify(document));
      return;
    }
    const items = this.#collections[pathname];
    if (!items) {
      send(
        404,
        status(
          404,
          'NotFound',
          `the server could not find the requested resource`,
        ),
      );
      return;
    }
    const offset = Number(
      url.searchParams.get('continue')
        ? Buffer.from(url.searchParams.get('continue')!, 'base64').toString()
        : 0,
    );
    const limit = Number(url.searchParams.get('limit') ?? 0) || items.length;
    const page = items.slice(offset, offset + limit);
    const next =
      offset + limit < items.length
        ? Buffer.from(String(offset + limit)).toString('base64')
        : undefined;
    const kind = (items[0] as { kind?: string } | undefined)?.kind ?? 'Object';
    send(200, {
      apiVersion: 'v1',
      kind: `${kind}List`,
      metadata: {
        resourceVersion: '4812391',
        ...(next
          ? {
              continue: next,
              remainingItemCount: items.length - offset - limit,
            }
          : {}),
      },
      items: page,
    });
  }
}

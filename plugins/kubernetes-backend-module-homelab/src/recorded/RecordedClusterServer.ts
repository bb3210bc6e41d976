import type { ClusterClient } from '@homelab/plugin-homelab-node';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { parseLabelSelector } from './labelSelector';

/** A list path of the Kubernetes API, cluster-wide or in one namespace. */
const LIST_PATH =
  /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)$/;

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

/** What the server answers: a status code and a JSON body. */
interface Answer {
  code: number;
  body: unknown;
}

/**
 * Serves the recorded snapshots of clusters (homelab.clusters entries with
 * a snapshotDirectory) as a read-only Kubernetes API on 127.0.0.1, so
 * Backstage's Kubernetes plugin can show them in the demo as it would a
 * live cluster: lists, cluster-wide or per namespace, filtered by label
 * selector, paged with limit and continue. Every request needs the bearer
 * token the server made up when it started; anything but GET is refused.
 * Each cluster is under /clusters/<name>.
 */
export class RecordedClusterServer {
  /** The bearer token every request must carry. */
  readonly token = randomBytes(24).toString('base64url');

  private constructor(
    private readonly server: http.Server,
    private readonly clients: Map<string, ClusterClient>,
  ) {}

  static async start(clients: ClusterClient[]): Promise<RecordedClusterServer> {
    const server = http.createServer();
    const instance = new RecordedClusterServer(
      server,
      new Map(clients.map(client => [client.cluster, client])),
    );
    server.on('request', (request, response) => {
      instance
        .answer(request)
        .catch(
          (error): Answer => ({
            code: 400,
            body: status(400, 'BadRequest', (error as Error).message),
          }),
        )
        .then(({ code, body }) => {
          response.writeHead(code, { 'content-type': 'application/json' });
          response.end(JSON.stringify(body));
        });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  /** The URL of a cluster's API. */
  urlOf(cluster: string): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/clusters/${encodeURIComponent(cluster)}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise(resolve => this.server.close(resolve));
  }

  private async answer(request: http.IncomingMessage): Promise<Answer> {
    if (request.headers.authorization !== `Bearer ${this.token}`) {
      return { code: 401, body: status(401, 'Unauthorized', 'Unauthorized') };
    }
    if (request.method !== 'GET') {
      return {
        code: 405,
        body: status(
          405,
          'MethodNotAllowed',
          'this cluster is a recorded snapshot: it can be read, not changed',
        ),
      };
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [, prefix, encodedCluster, ...rest] = url.pathname.split('/');
    const client =
      prefix === 'clusters'
        ? this.clients.get(decodeURIComponent(encodedCluster ?? ''))
        : undefined;
    const list = LIST_PATH.exec(`/${rest.join('/')}`);
    if (!client || !list) {
      return {
        code: 404,
        body: status(
          404,
          'NotFound',
          'the server could not find the requested resource',
        ),
      };
    }
    const [, coreVersion, group, version, namespace, plural] = list;
    let matches;
    try {
      matches = parseLabelSelector(url.searchParams.get('labelSelector'));
    } catch (error) {
      return {
        code: 400,
        body: status(400, 'BadRequest', (error as Error).message),
      };
    }
    try {
      const items = (
        await client.list({
          group: group ?? '',
          version: coreVersion ?? version,
          plural,
        })
      ).filter(
        item =>
          (!namespace || item.metadata?.namespace === namespace) &&
          matches(item.metadata?.labels),
      );
      return { code: 200, body: page(items, url.searchParams) };
    } catch (error) {
      return {
        code: 500,
        body: status(500, 'InternalError', (error as Error).message),
      };
    }
  }
}

/** One page of a list, with `continue` when more follow, as the API pages. */
function page(items: Array<{ kind?: string }>, query: URLSearchParams) {
  const start = Number(
    Buffer.from(query.get('continue') ?? '', 'base64url').toString() || 0,
  );
  const limit = Number(query.get('limit')) || items.length;
  const end = start + limit;
  return {
    apiVersion: 'v1',
    // As an API server names a list after its items: PodList.
    kind: `${items[0]?.kind ?? ''}List`,
    metadata:
      end < items.length
        ? {
            continue: Buffer.from(String(end)).toString('base64url'),
            remainingItemCount: items.length - end,
          }
        : {},
    items: items.slice(start, end),
  };
}

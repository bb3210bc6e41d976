import type {
  KubeConfig,
  KubernetesObject,
  ObservableMiddleware,
  RequestContext,
  ResponseContext,
  V1Node,
} from '@kubernetes/client-node';
import fs from 'node:fs/promises';
import { ClusterConnection } from './clusterConnections';
import {
  ClusterClient,
  KubernetesResourceType,
  ServiceProxyTarget,
} from './ClusterClient';

type KubernetesClientLibrary = typeof import('@kubernetes/client-node');

let kubernetesClientLibrary: KubernetesClientLibrary | undefined;

/**
 * The Kubernetes client library, loaded when a live cluster is first read:
 * what only reads inventories (homelab-inventory validate, the catalog's
 * inventory provider) never loads it, some 60 MB of memory. A require, as
 * the static import compiled to, not import(), which Jest runs only with
 * experimental VM modules.
 */
function k8s(): KubernetesClientLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  kubernetesClientLibrary ??= require('@kubernetes/client-node');
  return kubernetesClientLibrary!;
}

/**
 * Aborts each request that takes longer than the cluster's request timeout.
 * The object-parameter API hands options straight to the observable API, so
 * the middleware is observable-style.
 */
function timeoutMiddleware(timeoutMs: number): ObservableMiddleware {
  return {
    pre: (context: RequestContext) => {
      context.setSignal(AbortSignal.timeout(timeoutMs));
      return new (k8s().Observable)(Promise.resolve(context));
    },
    post: (context: ResponseContext) =>
      new (k8s().Observable)(Promise.resolve(context)),
  };
}

function headerMiddleware(name: string, value: string): ObservableMiddleware {
  return {
    pre: (context: RequestContext) => {
      context.setHeaderParam(name, value);
      return new (k8s().Observable)(Promise.resolve(context));
    },
    post: (context: ResponseContext) =>
      new (k8s().Observable)(Promise.resolve(context)),
  };
}

async function kubeConfigFor(
  connection: ClusterConnection,
): Promise<KubeConfig> {
  const kubeConfig = new (k8s().KubeConfig)();
  const { source } = connection;
  if (source.type === 'kubeconfig') {
    kubeConfig.loadFromFile(source.path);
    if (source.context) kubeConfig.setCurrentContext(source.context);
    return kubeConfig;
  }
  if (source.type !== 'api') {
    throw new Error(`cluster "${connection.name}" is not read through its API`);
  }
  const token =
    source.token ??
    (source.tokenFile
      ? (await fs.readFile(source.tokenFile, 'utf8')).trim()
      : undefined);
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: connection.name,
        server: source.url,
        caData: source.caData,
        caFile: source.caFile,
        skipTLSVerify: source.skipTLSVerify,
      },
    ],
    users: [{ name: 'homelab', token }],
    contexts: [{ name: 'homelab', cluster: connection.name, user: 'homelab' }],
    currentContext: 'homelab',
  });
  return kubeConfig;
}

/** The message of a Kubernetes Status object, which client-node passes on as text. */
function statusMessage(body: unknown): string | undefined {
  try {
    const status = typeof body === 'string' ? JSON.parse(body) : body;
    return typeof status?.message === 'string' ? status.message : undefined;
  } catch {
    return undefined;
  }
}

/** Describes a failed request without echoing headers, which may carry the token. */
function describeFailure(cluster: string, error: unknown): Error {
  const anyError = error as {
    code?: number;
    name?: string;
    message?: string;
    body?: unknown;
  };
  let reason: string;
  if (anyError?.name === 'AbortError' || anyError?.name === 'TimeoutError') {
    reason = 'the request timed out';
  } else if (typeof anyError?.code === 'number') {
    // Without a Status body (as for 401), the reason is the "Message:" line.
    const detail =
      statusMessage(anyError.body) ??
      /\nMessage: ([^\n]*)/.exec(anyError.message ?? '')?.[1];
    reason = `the API server answered HTTP ${anyError.code}${
      detail ? `: ${detail}` : ''
    }`;
  } else {
    reason = anyError?.message ?? String(error);
  }
  return Object.assign(new Error(`cluster "${cluster}": ${reason}`), {
    statusCode: typeof anyError?.code === 'number' ? anyError.code : undefined,
  });
}

interface ListPage<T> {
  items: T[];
  metadata?: { _continue?: string; continue?: string };
}

/** Reads and patches a live cluster through @kubernetes/client-node. */
export class ApiClusterClient implements ClusterClient {
  readonly cluster: string;
  readonly recorded = false;
  readonly #connection: ClusterConnection;
  #kubeConfig?: Promise<KubeConfig>;

  constructor(connection: ClusterConnection) {
    this.cluster = connection.name;
    this.#connection = connection;
  }

  #api<T>(type: new (...args: any[]) => T): Promise<T> {
    this.#kubeConfig ??= kubeConfigFor(this.#connection);
    return this.#kubeConfig.then(
      kubeConfig => kubeConfig.makeApiClient(type as any) as T,
    );
  }

  #options(...extra: ObservableMiddleware[]) {
    return {
      middleware: [
        timeoutMiddleware(this.#connection.requestTimeoutMs),
        ...extra,
      ],
      middlewareMergeStrategy: 'append' as const,
    };
  }

  async #call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw describeFailure(this.cluster, error);
    }
  }

  listNodes(): Promise<V1Node[]> {
    return this.list<V1Node>({ group: '', version: 'v1', plural: 'nodes' });
  }

  async list<T extends KubernetesObject = KubernetesObject>(
    type: KubernetesResourceType,
  ): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.listPages<T>(type)) items.push(...page);
    return items;
  }

  async *listPages<T extends KubernetesObject = KubernetesObject>(
    type: KubernetesResourceType,
    options: { pageSize?: number } = {},
  ): AsyncIterable<T[]> {
    const limit = Math.min(
      this.#connection.pageSize,
      options.pageSize ?? Infinity,
    );
    const fetchPage = await this.#call(() => this.#pageFetcher(type, limit));
    let cursor: string | undefined;
    let page: ListPage<T> | undefined;
    do {
      const next = cursor;
      // The page handed out is let go before the next is read: held here,
      // it stayed alive through the next request and its parse.
      page = undefined;
      page = (await this.#call(() => fetchPage(next))) as ListPage<T>;
      cursor = page.metadata?._continue || page.metadata?.continue || undefined;
      yield page.items;
    } while (cursor);
  }

  /** Fetches one page of a resource type, given the continue token of the page before. */
  async #pageFetcher(
    type: KubernetesResourceType,
    limit: number,
  ): Promise<(next: string | undefined) => Promise<ListPage<unknown>>> {
    if (type.group !== '') {
      const custom = await this.#api(k8s().CustomObjectsApi);
      return next =>
        custom.listClusterCustomObject(
          {
            group: type.group,
            version: type.version,
            plural: type.plural,
            limit,
            _continue: next,
          },
          this.#options(),
        ) as Promise<ListPage<unknown>>;
    }
    const core = await this.#api(k8s().CoreV1Api);
    const byPlural: Record<
      string,
      (next: string | undefined) => Promise<ListPage<unknown>>
    > = {
      nodes: next => core.listNode({ limit, _continue: next }, this.#options()),
      namespaces: next =>
        core.listNamespace({ limit, _continue: next }, this.#options()),
      services: next =>
        core.listServiceForAllNamespaces(
          { limit, _continue: next },
          this.#options(),
        ),
      pods: next =>
        core.listPodForAllNamespaces(
          { limit, _continue: next },
          this.#options(),
        ),
    };
    const fetchPage = byPlural[type.plural];
    if (!fetchPage) {
      throw new Error(`listing core ${type.plural} is not supported`);
    }
    return fetchPage;
  }

  servedVersions(): Promise<Map<string, string[]>> {
    return this.#call(async () => {
      const apis = await this.#api(k8s().ApisApi);
      const list = await apis.getAPIVersions(this.#options());
      return new Map(
        list.groups.map(group => [
          group.name,
          group.versions.map(v => v.version),
        ]),
      );
    });
  }

  proxyGet(target: ServiceProxyTarget): Promise<string> {
    return this.#call(async () => {
      const core = await this.#api(k8s().CoreV1Api);
      const name =
        target.port === undefined
          ? target.service
          : `${target.service}:${target.port}`;
      return core.connectGetNamespacedServiceProxyWithPath(
        { name, namespace: target.namespace, path: target.path },
        this.#options(),
      );
    });
  }

  mergePatch<T extends KubernetesObject = KubernetesObject>(
    type: KubernetesResourceType,
    namespace: string,
    name: string,
    patch: object,
  ): Promise<T> {
    return this.#call(async () => {
      const custom = await this.#api(k8s().CustomObjectsApi);
      return (await custom.patchNamespacedCustomObject(
        {
          group: type.group,
          version: type.version,
          plural: type.plural,
          namespace,
          name,
          body: patch,
        },
        this.#options(
          headerMiddleware('Content-Type', k8s().PatchStrategy.MergePatch),
        ),
      )) as T;
    });
  }
}

import { ResponseError } from '@backstage/errors';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import type { operations } from './generated/openapi';
import { HomelabApiClient } from './HomelabApiClient';

type Answer = { status: number; type?: string; body: unknown };

/** A stand-in for homelab-backend that records each request and gives the next answer. */
async function startBackend() {
  const requests: Array<{
    method?: string;
    url?: string;
    headers: http.IncomingHttpHeaders;
    body: string;
  }> = [];
  let answer: Answer = { status: 200, body: {} };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      requests.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
      });
      res.writeHead(answer.status, {
        'content-type': answer.type ?? 'application/json',
      });
      res.end(
        typeof answer.body === 'string'
          ? answer.body
          : JSON.stringify(answer.body),
      );
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${
    (server.address() as AddressInfo).port
  }/api/homelab`;
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  return {
    requests,
    discoveryApi,
    client: new HomelabApiClient({ discoveryApi }),
    answer: (next: Answer) => {
      answer = next;
    },
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe('HomelabApiClient', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  beforeEach(async () => {
    backend = await startBackend();
  });
  afterEach(() => backend.close());

  it('has a method for each operation of the spec', () => {
    // tsc fails here when the spec gains an operation without a method.
    const methods: Record<
      Uncapitalize<keyof operations>,
      unknown
    > = backend.client;
    for (const method of Object.values(methods)) {
      expect(method).toBeInstanceOf(Function);
    }
  });

  it("asks the homelab plugin's base URL and answers with the body", async () => {
    const graph = { nodes: [], edges: [], generatedAt: 'now', freshness: [] };
    backend.answer({ status: 200, body: graph });
    await expect(backend.client.getTopology()).resolves.toEqual(graph);
    expect(backend.discoveryApi.getBaseUrl).toHaveBeenCalledWith('homelab');
    expect(backend.requests).toMatchObject([
      { method: 'GET', url: '/api/homelab/topology', body: '' },
    ]);
  });

  it('sends filters as query parameters, repeating lists and leaving out unset ones', async () => {
    await backend.client.getPostureFindings({
      cluster: 'production',
      entityRef: 'component:default/home-assistant',
      severity: ['critical', 'high'],
      source: ['vulnerability'],
      search: '',
      offset: 0,
      limit: 20,
    });
    await backend.client.getPostureTrend({ scope: 'namespace', key: 'a/b' });
    await backend.client.getDrift();
    expect(backend.requests.map(r => r.url)).toEqual([
      '/api/homelab/posture/findings?cluster=production&entityRef=component%3Adefault%2Fhome-assistant&severity=critical&severity=high&source=vulnerability&offset=0&limit=20',
      '/api/homelab/posture/trend?scope=namespace&key=a%2Fb',
      '/api/homelab/drift',
    ]);
  });

  it('puts path parameters in the path, escaped', async () => {
    backend.answer({ status: 200, body: { object: { name: 'a/b' } } });
    await expect(
      backend.client.suspendFluxObject({
        cluster: 'production',
        kind: 'HelmRelease',
        namespace: 'flux-system',
        name: 'a/b',
      }),
    ).resolves.toEqual({ object: { name: 'a/b' } });
    await backend.client.getSlo('home assistant/availability');
    expect(backend.requests).toMatchObject([
      {
        method: 'POST',
        url: '/api/homelab/flux/objects/production/HelmRelease/flux-system/a%2Fb/suspend',
        body: '',
      },
      {
        method: 'GET',
        url: '/api/homelab/slos/home%20assistant%2Favailability',
      },
    ]);
  });

  it('posts a promotion to preview as JSON', async () => {
    const preview = { app: 'podinfo', blocked: false };
    backend.answer({ status: 200, body: preview });
    await expect(
      backend.client.previewPromotion({
        app: 'podinfo',
        from: 'staging',
        to: 'production',
      }),
    ).resolves.toEqual(preview);
    const [request] = backend.requests;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/api/homelab/promotions/preview',
      headers: { 'content-type': 'application/json' },
    });
    expect(JSON.parse(request.body)).toEqual({
      app: 'podinfo',
      from: 'staging',
      to: 'production',
    });
  });

  it.each([
    [400, 'InputError', 'request/query/limit must be <= 500'],
    [403, 'NotAllowedError', 'not allowed to reconcile'],
    [404, 'NotFoundError', 'no SLO nextcloud-latency'],
    [503, 'ServiceUnavailableError', 'the database cannot be reached'],
  ])(
    "throws a ResponseError for %s carrying the backend's %s",
    async (status, name, message) => {
      backend.answer({
        status,
        body: {
          error: { name, message },
          request: { method: 'GET', url: '/api/homelab/slos' },
          response: { statusCode: status },
        },
      });
      const error = await backend.client.getSlos().catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error).toMatchObject({
        statusCode: status,
        body: { error: { name, message } },
        cause: { name, message },
      });
    },
  );

  it('throws a ResponseError with the status for an answer that is not JSON', async () => {
    backend.answer({
      status: 502,
      type: 'text/html',
      body: '<h1>Bad Gateway</h1>',
    });
    const error = await backend.client.getFreshness().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(502);
  });

  it('sends through the fetchApi it is given, which may add credentials', async () => {
    const client = new HomelabApiClient({
      discoveryApi: backend.discoveryApi,
      fetchApi: {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: { ...init?.headers, authorization: 'Bearer token' },
          }),
      },
    });
    await client.getFreshness();
    expect(backend.requests[0].headers.authorization).toBe('Bearer token');
  });
});

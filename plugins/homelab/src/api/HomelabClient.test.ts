import { HomelabClient } from './HomelabClient';

function client(answer: { status?: number; body?: unknown } = {}) {
  const fetch = jest.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(answer.body ?? {}), {
        status: answer.status ?? 200,
        headers: { 'content-type': 'application/json' },
      }),
  );
  return {
    fetch,
    client: new HomelabClient({
      discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
      fetchApi: { fetch: fetch as any },
    }),
  };
}

describe('HomelabClient', () => {
  it('sends filters as query parameters, repeating list values and leaving out unset ones', async () => {
    const { fetch, client: api } = client({
      body: { items: [], totalCount: 0 },
    });
    await api.getPostureFindings({
      cluster: 'production',
      severity: ['critical', 'high'],
      search: '',
      offset: 40,
      limit: 20,
    });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/homelab/posture/findings?cluster=production&severity=critical&severity=high&offset=40&limit=20',
    );
  });

  it('posts Flux actions to the object, escaping its names', async () => {
    const { fetch, client: api } = client({ body: { object: { name: 'x' } } });
    expect(
      await api.reconcileFluxObject({
        cluster: 'production',
        kind: 'HelmRelease',
        namespace: 'flux-system',
        name: 'a/b',
      }),
    ).toEqual({ name: 'x' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/homelab/flux/objects/production/HelmRelease/flux-system/a%2Fb/reconcile',
      { method: 'POST' },
    );
  });

  it("turns an error answer into a ResponseError carrying the backend's error", async () => {
    const { client: api } = client({
      status: 403,
      body: {
        error: { name: 'NotAllowedError', message: 'not allowed to reconcile' },
        response: { statusCode: 403 },
      },
    });
    await expect(api.getSlos()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      cause: { message: 'not allowed to reconcile' },
    });
  });
});

import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * Answers as homelab-backend's /drift, /posture/findings and /slos do (the
 * shapes of its OpenAPI spec), from fixed data, recording each request; any
 * other path is a 404 in Backstage's error body, as the backend's.
 */
export async function startHomelabApiStandIn(answers: Record<string, unknown>) {
  const requests: Array<{ path: string; authorization?: string }> = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url!, authorization: req.headers.authorization });
    const key = Object.keys(answers).find(k => req.url!.startsWith(k));
    res.writeHead(key ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        key
          ? answers[key]
          : {
              error: { name: 'NotFoundError', message: `no ${req.url}` },
              request: { method: req.method, url: req.url },
              response: { statusCode: 404 },
            },
      ),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${
    (server.address() as AddressInfo).port
  }/api/homelab`;
  return {
    url,
    requests,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

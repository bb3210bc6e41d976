import fs from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { requestJson } from './requestJson';

const fixtures = path.resolve(
  require.resolve('@homelab/plugin-homelab-node/package.json'),
  '../test-fixtures/tls',
);

describe('requestJson to a configured host over TLS', () => {
  let server: https.Server;
  let url: string;
  const caData = fs.readFileSync(path.join(fixtures, 'ca.crt'), 'base64');

  beforeAll(async () => {
    server = https.createServer(
      {
        key: fs.readFileSync(path.join(fixtures, 'server.key')),
        cert: fs.readFileSync(path.join(fixtures, 'server.crt')),
      },
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: 'pong' }));
      },
    );
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  it("trusts the host's configured CA even when the global agent names other CAs", async () => {
    const options = https.globalAgent.options;
    const hadCa = 'ca' in options;
    const previous = options.ca;
    // What another plugin in the same Backstage backend may do.
    options.ca = [...tls.rootCertificates];
    try {
      const response = await requestJson(
        { url, caData, timeoutMs: 5000 },
        { method: 'GET', path: '/ping' },
      );
      expect(response).toMatchObject({ status: 200, body: { data: 'pong' } });
    } finally {
      if (hadCa) options.ca = previous;
      else delete options.ca;
    }
  });

  it('refuses a certificate no configured CA signed', async () => {
    await expect(
      requestJson({ url, timeoutMs: 5000 }, { method: 'GET', path: '/ping' }),
    ).rejects.toThrow(
      'GET /ping failed: unable to verify the first certificate',
    );
  });
});

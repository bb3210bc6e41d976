import fs from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { ProxmoxSource } from './proxmoxSources';
import { readClusterResources } from './readClusterResources';

const RECORDED = path.resolve(
  __dirname,
  '../../test-fixtures/proxmox/cluster-resources.json',
);
const TLS = path.resolve(
  require.resolve('@homelab/plugin-homelab-node/package.json'),
  '../test-fixtures/tls',
);
const TOKEN_ID = 'backstage@pve!catalog';
const TOKEN_SECRET = '0c5f3b0e-56a5-4d43-9c47-bb8b1e1f4b5a';

describe("reading Proxmox VE from a local HTTPS stand-in that answers with a real server's recorded /cluster/resources (test-fixtures/proxmox)", () => {
  let server: https.Server;
  let url: string;
  const requests: Array<{ path?: string; authorization?: string }> = [];
  let answer = { status: 200, body: fs.readFileSync(RECORDED, 'utf8') };

  beforeAll(async () => {
    // Proxmox VE's API: HTTPS on its own CA, an API token in the
    // Authorization header, the answer as recorded from a real server.
    server = https.createServer(
      {
        key: fs.readFileSync(path.join(TLS, 'server.key')),
        cert: fs.readFileSync(path.join(TLS, 'server.crt')),
      },
      (req, res) => {
        requests.push({
          path: req.url,
          authorization: req.headers.authorization,
        });
        if (
          req.headers.authorization !==
          `PVEAPIToken=${TOKEN_ID}=${TOKEN_SECRET}`
        ) {
          res.writeHead(401, 'no ticket');
          res.end();
          return;
        }
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      },
    );
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  const live = (
    secret = TOKEN_SECRET,
  ): Extract<ProxmoxSource, { api: unknown }> => ({
    name: 'pve',
    api: {
      url,
      caData: fs.readFileSync(path.join(TLS, 'ca.crt'), 'base64'),
      tokenId: TOKEN_ID,
      tokenSecret: secret,
      timeoutMs: 5000,
    },
  });

  it('reads every node, guest and storage in one call, with the API token', async () => {
    const resources = await readClusterResources(live());

    expect(requests.at(-1)).toEqual({
      path: '/api2/json/cluster/resources',
      authorization: `PVEAPIToken=${TOKEN_ID}=${TOKEN_SECRET}`,
    });
    expect(resources.map(r => r.id)).toEqual([
      'lxc/100',
      'qemu/101',
      'qemu/102',
      'node/pve',
      'storage/pve/DSM',
      'storage/pve/hard',
      'storage/pve/local',
      'sdn/pve/localnetwork',
    ]);
    // The recorded answer reads the same.
    expect(
      await readClusterResources({ name: 'pve', recordedResources: RECORDED }),
    ).toEqual(resources);
  });

  it('says why a read failed, naming the source and never the token', async () => {
    const refused = readClusterResources(live('wrong-secret'));
    await expect(refused).rejects.toThrow(
      'Proxmox VE "pve": GET /api2/json/cluster/resources was refused (401): check tokenId and tokenSecret',
    );

    answer = { status: 500, body: '{"data":null,"message":"internal error"}' };
    try {
      const error = await readClusterResources(live()).catch(e => e);
      expect(error.message).toBe(
        'Proxmox VE "pve": GET /api2/json/cluster/resources answered 500: {"data":null,"message":"internal error"}',
      );
      expect(error.message).not.toContain(TOKEN_SECRET);
    } finally {
      answer = { status: 200, body: fs.readFileSync(RECORDED, 'utf8') };
    }

    await expect(
      readClusterResources({
        ...live(),
        api: { ...live().api, caData: undefined },
      }),
    ).rejects.toThrow(
      'Proxmox VE "pve": GET /api2/json/cluster/resources failed: unable to verify the first certificate',
    );
  });

  it('gives up on a server that stops answering, and on one that goes away mid-answer', async () => {
    const tls = {
      key: fs.readFileSync(path.join(TLS, 'server.key')),
      cert: fs.readFileSync(path.join(TLS, 'server.crt')),
    };
    // Accepts the request and never answers.
    const silent = https.createServer(tls, () => {});
    // Starts the answer, then drops the connection.
    const dropping = https.createServer(tls, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[{"id":"qemu/101",');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const urlOf = async (standIn: https.Server) => {
      await new Promise<void>(resolve =>
        standIn.listen(0, '127.0.0.1', resolve),
      );
      return `https://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
    };
    try {
      const slow = {
        ...live(),
        api: { ...live().api, url: await urlOf(silent), timeoutMs: 300 },
      };
      await expect(readClusterResources(slow)).rejects.toThrow(
        'Proxmox VE "pve": GET /api2/json/cluster/resources timed out after 300 ms',
      );
      const gone = {
        ...live(),
        api: { ...live().api, url: await urlOf(dropping) },
      };
      await expect(readClusterResources(gone)).rejects.toThrow(
        /^Proxmox VE "pve": GET \/api2\/json\/cluster\/resources failed: /,
      );
    } finally {
      silent.closeAllConnections();
      dropping.closeAllConnections();
      await Promise.all(
        [silent, dropping].map(
          standIn => new Promise(resolve => standIn.close(resolve)),
        ),
      );
    }
  });
});

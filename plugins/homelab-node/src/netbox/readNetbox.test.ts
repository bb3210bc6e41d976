import fs from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { NetboxSource } from './netboxSources';
import { readNetbox } from './readNetbox';

const FIXTURES = path.resolve(__dirname, '../../test-fixtures/netbox');
const TLS = path.resolve(__dirname, '../../test-fixtures/tls');
const V1_TOKEN = '0123456789abcdef0123456789abcdef01234567';
const V2_TOKEN = 'nbt_4F9DAouzURLb.zjebxBPzICiPbWz0Wtx0fTL7bCKXKGTYhNzkgC2S';

type Behaviour =
  | 'normal'
  | 'hang'
  | 'drop-second-page'
  | 'foreign-next'
  | 'auth-proxy';

/**
 * A stand-in for NetBox's REST API built from its documented shapes
 * (docs/integrations/rest-api.md: limit/offset paging with count, next and
 * previous; `Token` v1 and `Bearer nbt_` v2 tokens; 403 for a bad token),
 * serving the netbox-4.2 corpus page by page.
 */
function netboxStandIn(behaviour: () => Behaviour) {
  const requests: Array<{ path: string; authorization?: string }> = [];
  const server = https.createServer(
    {
      key: fs.readFileSync(path.join(TLS, 'server.key')),
      cert: fs.readFileSync(path.join(TLS, 'server.crt')),
    },
    (req, res) => {
      const url = new URL(req.url!, 'https://netbox.invalid');
      requests.push({
        path: req.url!,
        authorization: req.headers.authorization,
      });
      if (behaviour() === 'auth-proxy') {
        // An authenticating proxy in front of NetBox, as some homelabs run.
        res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
        return;
      }
      const auth = req.headers.authorization;
      if (auth !== `Token ${V1_TOKEN}` && auth !== `Bearer ${V2_TOKEN}`) {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end('{"detail":"Invalid v1 token"}');
        return;
      }
      const file = path.join(
        FIXTURES,
        'netbox-4.2',
        `${url.pathname.replace(/^\/api\/|\/$/g, '')}.json`,
      );
      if (!fs.existsSync(file)) {
        res.writeHead(404).end('{"detail":"Not found."}');
        return;
      }
      const offset = Number(url.searchParams.get('offset') ?? 0);
      if (behaviour() === 'hang') return; // never answers
      if (behaviour() === 'drop-second-page' && offset > 0) {
        req.socket.destroy();
        return;
      }
      const all = JSON.parse(fs.readFileSync(file, 'utf8')).results;
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const page = all.slice(offset, offset + limit);
      const more = offset + limit < all.length;
      const host =
        behaviour() === 'foreign-next'
          ? 'http://evil.invalid'
          : `https://${req.headers.host}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          count: all.length,
          next: more
            ? `${host}${url.pathname}?limit=${limit}&offset=${offset + limit}`
            : null,
          previous: null,
          results: page,
        }),
      );
    },
  );
  return { server, requests };
}

describe('reading NetBox from a local HTTPS stand-in built from the documented REST shapes (netbox docs/integrations/rest-api.md; objects of NetBox 4.2 OpenAPI via go-netbox api/openapi.yaml)', () => {
  let behaviour: Behaviour = 'normal';
  const { server, requests } = netboxStandIn(() => behaviour);
  let url: string;

  beforeAll(async () => {
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    behaviour = 'normal';
    requests.length = 0;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  const live = (
    token = V1_TOKEN,
    pageSize = 2,
    timeoutMs = 5000,
  ): NetboxSource => ({
    name: 'home',
    sections: { devices: 'merge', networks: 'merge' },
    api: {
      url,
      token,
      pageSize,
      caData: fs.readFileSync(path.join(TLS, 'ca.crt'), 'base64'),
      timeoutMs,
    },
  });

  it('reads every list to its last page by limit and offset, with a v1 token', async () => {
    const snapshot = await readNetbox(live());

    expect(snapshot.devices.map(d => d.name)).toEqual([
      'UDM-Pro',
      'USW-24-PoE',
      'pve1',
      'nas',
      null,
    ]);
    expect(snapshot.interfaces).toHaveLength(8);
    expect(snapshot.ipAddresses).toHaveLength(7);
    expect(snapshot.prefixes.map(p => p.prefix)).toEqual([
      '10.0.0.0/16',
      '10.0.10.0/24',
      '10.0.20.0/24',
      '10.0.99.0/24',
    ]);
    expect(snapshot.ipRanges).toHaveLength(3);
    expect(snapshot.vlans.map(v => v.vid)).toEqual([10, 20, 30]);
    expect(
      requests
        .filter(r => r.path.startsWith('/api/dcim/devices/'))
        .map(r => r.path),
    ).toEqual([
      '/api/dcim/devices/?limit=2&offset=0',
      '/api/dcim/devices/?limit=2&offset=2',
      '/api/dcim/devices/?limit=2&offset=4',
    ]);
    expect(new Set(requests.map(r => r.authorization))).toEqual(
      new Set([`Token ${V1_TOKEN}`]),
    );
  });

  it('sends a v2 token (nbt_<key>.<token>) as Bearer', async () => {
    const snapshot = await readNetbox(live(V2_TOKEN, 1000));

    expect(snapshot.devices).toHaveLength(5);
    expect(requests[0].authorization).toBe(`Bearer ${V2_TOKEN}`);
    expect(requests).toHaveLength(6);
  });

  it('asks only the site filter of lists NetBox filters by site', async () => {
    await readNetbox({ ...live(V1_TOKEN, 1000), site: 'home' });

    expect(requests.map(r => r.path)).toEqual([
      '/api/dcim/devices/?limit=1000&offset=0&site=home',
      '/api/dcim/interfaces/?limit=1000&offset=0&site=home',
      '/api/ipam/ip-addresses/?limit=1000&offset=0',
      '/api/ipam/prefixes/?limit=1000&offset=0&site=home',
      '/api/ipam/ip-ranges/?limit=1000&offset=0',
      '/api/ipam/vlans/?limit=1000&offset=0&site=home',
    ]);
  });

  it('follows the offset of a next link that names another host, never the host', async () => {
    behaviour = 'foreign-next';

    const snapshot = await readNetbox(live());

    expect(snapshot.devices).toHaveLength(5);
    expect(requests.every(r => r.path.startsWith('/api/'))).toBe(true);
  });

  it('says a refusal by a proxy in front of NetBox (401) plainly too', async () => {
    behaviour = 'auth-proxy';

    const error = await readNetbox(live()).catch(e => e);

    expect(error.message).toBe(
      'NetBox "home": GET /api/dcim/devices/ was refused (401): check the token and its permissions',
    );
  });

  it('says a refused token (403, as NetBox answers a bad token) plainly, without the token', async () => {
    const error = await readNetbox(live('wrong-token')).catch(e => e);

    expect(error.message).toBe(
      'NetBox "home": GET /api/dcim/devices/ was refused (403): check the token and its permissions',
    );
    expect(error.message).not.toContain('wrong-token');
  });

  it('gives up on a NetBox that does not answer, at the timeout', async () => {
    behaviour = 'hang';

    const error = await readNetbox(live(V1_TOKEN, 2, 300)).catch(e => e);

    expect(error.message).toBe(
      'NetBox "home": GET /api/dcim/devices/ timed out after 300 ms',
    );
  });

  it('fails the whole read when the host goes away mid-collection, so a half-read NetBox never looks like deleted devices', async () => {
    behaviour = 'drop-second-page';

    const error = await readNetbox(live()).catch(e => e);

    expect(error.message).toMatch(
      /^NetBox "home": GET \/api\/dcim\/devices\/ failed: (socket hang up|read ECONNRESET)$/,
    );
  });
});

describe('reading recorded NetBox answers', () => {
  it('reads NetBox 2.x answers recorded in pynetbox, which has no IP ranges', async () => {
    const snapshot = await readNetbox({
      name: 'old',
      sections: { devices: 'merge', networks: 'merge' },
      recorded: path.join(FIXTURES, 'pynetbox-fc30530'),
    });

    expect(snapshot.devices).toHaveLength(11);
    expect(snapshot.prefixes.map(p => p.prefix)).toEqual([
      '10.0.255.0/24',
      '10.1.1.0/24',
    ]);
    expect(snapshot.ipRanges).toEqual([]);
    expect(snapshot.vlans).toHaveLength(3);
  });

  it('names the recorded file that holds no results list', async () => {
    const error = await readNetbox({
      name: 'broken',
      sections: { devices: 'merge', networks: 'merge' },
      recorded: path.join(FIXTURES, '..', 'proxmox'),
    }).catch(e => e);

    expect(error.message).toMatch(/^NetBox "broken": ENOENT/);
  });
});

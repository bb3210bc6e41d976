import {
  proxmoxApi,
  startHttpsServer,
  TEST_CA_DATA,
  TOKEN_SECRET,
} from '../__testUtils__/provisioningServers';
import { failOnPrintedSecrets } from '../__testUtils__/printedSecrets';
import { ProxmoxClient } from './ProxmoxClient';
import { ProxmoxHost } from './provisioningHosts';

/*
 * The Proxmox VE calls, each against a local HTTPS server speaking the
 * documented API: what is sent, what is read from the answers, and what a
 * failure says, which never includes the API token.
 */

type Server = Awaited<ReturnType<typeof startHttpsServer>>;

const host = (url: string, overrides: Partial<ProxmoxHost> = {}) => ({
  name: 'pve-1',
  url,
  node: 'pve',
  tokenId: 'backstage@pve!provision',
  tokenSecret: TOKEN_SECRET,
  caData: TEST_CA_DATA,
  taskTimeoutMs: 1_000,
  ...overrides,
});

/** Runs `use` against a server answering with `handle`, then closes it. */
async function withServer<T>(
  handle: Parameters<typeof startHttpsServer>[0],
  use: (server: Server) => Promise<T>,
): Promise<T> {
  const server = await startHttpsServer(handle);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

/** The error a call fails with, checked to leave the token out. */
async function failure(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => {
      throw new Error('the call succeeded');
    },
    e => e as Error,
  );
  expect(error.message).not.toContain(TOKEN_SECRET);
  return error.message;
}

describe('ProxmoxClient', () => {
  failOnPrintedSecrets([TOKEN_SECRET]);

  it('sends the API token, reads the next id, finds a VM by name and tells whether it runs', async () => {
    await withServer(proxmoxApi({}), async server => {
      const client = new ProxmoxClient(host(server.url));
      expect(await client.nextVmid()).toBe(101);
      expect(await client.findVm('docker')).toBe(100);
      expect(await client.findVm('k3s-worker-1')).toBeUndefined();
      expect(server.calls.map(c => c.authorization)).toEqual(
        Array(3).fill(`PVEAPIToken=backstage@pve!provision=${TOKEN_SECRET}`),
      );
    });
  });

  it('clones with a full copy onto the given storage, starts, and configures the VM as a form', async () => {
    await withServer(proxmoxApi({}), async server => {
      const client = new ProxmoxClient(host(server.url));
      expect(await client.clone(9000, 101, 'k3s-worker-1', 'local-zfs')).toBe(
        'UPID:pve:0001:clone',
      );
      expect(await client.clone(9000, 101, 'k3s-worker-2')).toBe(
        'UPID:pve:0001:clone',
      );
      await client.configure(101, {
        ciuser: 'admin',
        sshKeys: ['ssh-ed25519 AAAA me@laptop', 'ssh-rsa BBBB you@desk'],
        ipConfig: 'ip=192.168.100.41/24,gw=192.168.100.1',
        cores: 4,
        memoryMB: 8192,
        tags: ['k3s', 'staging'],
      });
      await client.configure(101, {});
      expect(await client.isRunning(101)).toBe(false);
      expect(await client.start(101)).toBe('UPID:pve:0002:start');
      expect(await client.isRunning(101)).toBe(true);

      const [full, plain, configured, bare] = server.calls
        .filter(c => c.method !== 'GET')
        .map(c => ({
          call: `${c.method} ${c.path}`,
          form: Object.fromEntries(new URLSearchParams(c.body)),
        }));
      expect(full).toEqual({
        call: 'POST /api2/json/nodes/pve/qemu/9000/clone',
        form: {
          newid: '101',
          name: 'k3s-worker-1',
          full: '1',
          storage: 'local-zfs',
        },
      });
      expect(plain.form).toEqual({
        newid: '101',
        name: 'k3s-worker-2',
        full: '1',
      });
      expect(configured).toEqual({
        call: 'PUT /api2/json/nodes/pve/qemu/101/config',
        form: {
          ciuser: 'admin',
          sshkeys:
            'ssh-ed25519%20AAAA%20me%40laptop%0Assh-rsa%20BBBB%20you%40desk%0A',
          ipconfig0: 'ip=192.168.100.41/24,gw=192.168.100.1',
          cores: '4',
          memory: '8192',
          tags: 'k3s;staging',
          onboot: '1',
        },
      });
      expect(bare.form).toEqual({ onboot: '1' });
      expect(
        server.calls
          .filter(c => c.method !== 'GET')
          .every(
            c =>
              c.body === '' ||
              new URLSearchParams(c.body).toString() === c.body,
          ),
      ).toBe(true);
      // Proxmox reads a body as a form only when told it is one.
      expect(
        server.calls.map(c => `${c.method} ${c.contentType ?? 'no body'}`),
      ).toEqual(
        server.calls.map(c =>
          c.method === 'GET'
            ? 'GET no body'
            : `${c.method} application/x-www-form-urlencoded`,
        ),
      );
    });
  });

  it('addresses the configured node, encoded', async () => {
    await withServer(
      () => ({ status: 200, body: { data: [] } }),
      async server => {
        await new ProxmoxClient(host(server.url, { node: 'pve 2' })).findVm(
          'x',
        );
        expect(server.calls[0].path).toBe('/api2/json/nodes/pve%202/qemu');
      },
    );
  });

  it('waits for a task to stop, polling, and says how one that did not end OK failed', async () => {
    let polls = 0;
    await withServer(
      call => {
        if (!call.path.includes('/tasks/')) return undefined;
        polls++;
        const upid = decodeURIComponent(call.path.split('/')[6]);
        if (upid === 'UPID:slow' && polls < 3)
          return { status: 200, body: { data: { status: 'running' } } };
        if (upid === 'UPID:silent')
          return { status: 200, body: { data: { status: 'stopped' } } };
        return {
          status: 200,
          body: {
            data: {
              status: 'stopped',
              exitstatus: upid === 'UPID:full' ? 'disk full' : 'OK',
            },
          },
        };
      },
      async server => {
        const client = new ProxmoxClient(host(server.url), 5);
        await client.waitForTask('UPID:slow', 'cloning');
        expect(polls).toBe(3);
        expect(await failure(client.waitForTask('UPID:full', 'cloning'))).toBe(
          'Proxmox pve-1: cloning failed: disk full (task UPID:full)',
        );
        expect(
          await failure(client.waitForTask('UPID:silent', 'starting')),
        ).toBe(
          'Proxmox pve-1: starting failed: no exit status (task UPID:silent)',
        );
      },
    );
  });

  it('gives up on a task at the timeout, and when the run is cancelled', async () => {
    await withServer(proxmoxApi({ neverFinish: true }), async server => {
      const client = new ProxmoxClient(
        host(server.url, { taskTimeoutMs: 50 }),
        5,
      );
      expect(await failure(client.waitForTask('UPID:x', 'cloning'))).toBe(
        'Proxmox pve-1: cloning did not finish within 0.05 s (task UPID:x still running)',
      );
      const patient = new ProxmoxClient(
        host(server.url, { taskTimeoutMs: 60_000 }),
        5,
      );
      const controller = new AbortController();
      controller.abort();
      expect(
        await failure(
          patient.waitForTask('UPID:x', 'cloning', controller.signal),
        ),
      ).toBe('cloning was cancelled');
    });
  });

  it('says which call was refused or failed, with what Proxmox said, never the token', async () => {
    await withServer(
      call => {
        if (call.path.endsWith('/cluster/nextid'))
          return { status: 401, body: { data: null } };
        if (call.path.endsWith('/qemu'))
          return { status: 500, body: { errors: { vmid: 'invalid' } } };
        if (call.path.endsWith('/config'))
          return { status: 596, body: { errors: 'storage offline' } };
        return { status: 404, body: 'x'.repeat(400) };
      },
      async server => {
        const client = new ProxmoxClient(host(server.url));
        expect(await failure(client.nextVmid())).toBe(
          'Proxmox pve-1: GET /cluster/nextid was refused (401): check the API token in homelab.provisioning.proxmox',
        );
        expect(await failure(client.findVm('x'))).toBe(
          'Proxmox pve-1: GET /nodes/pve/qemu failed with 500: {"vmid":"invalid"}',
        );
        expect(await failure(client.configure(1, {}))).toBe(
          'Proxmox pve-1: PUT /nodes/pve/qemu/1/config failed with 596: storage offline',
        );
        expect(await failure(client.start(1))).toBe(
          `Proxmox pve-1: POST /nodes/pve/qemu/1/status/start failed with 404: ${`"${'x'.repeat(
            400,
          )}"`.slice(0, 300)}`,
        );
      },
    );
  });

  it('reads answers that are not JSON: the page of a proxy in front of Proxmox, or nothing', async () => {
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    await withServer(
      call =>
        call.method === 'PUT'
          ? { status: 200, text: '', contentType: 'text/plain' }
          : { status: 502, text: page, contentType: 'text/html' },
      async server => {
        const client = new ProxmoxClient(host(server.url));
        expect(await failure(client.findVm('x'))).toBe(
          `Proxmox pve-1: GET /nodes/pve/qemu failed with 502: ${page}`,
        );
        await expect(client.configure(1, {})).resolves.toBeUndefined();
      },
    );
  });

  it('names the host when it cannot be reached', async () => {
    const message = await failure(
      new ProxmoxClient(host('https://127.0.0.1:1')).nextVmid(),
    );
    expect(message).toMatch(/^Proxmox pve-1: /);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BMC_PASSWORD,
  startHttpsServer,
  TEST_CA_DATA,
  turingPiBmcApi,
} from '../__testUtils__/provisioningServers';
import { failOnPrintedSecrets } from '../__testUtils__/printedSecrets';
import { TuringPiHost } from './provisioningHosts';
import { TuringPiClient } from './TuringPiClient';

/*
 * The Turing Pi 2 BMC calls, each against a local HTTPS server speaking
 * bmcd's API: sign-in once per session, slots as printed on the board, the
 * flash sequence, and failures that never include the password or the
 * session token.
 */

type Server = Awaited<ReturnType<typeof startHttpsServer>>;
type Handler = Parameters<typeof startHttpsServer>[0];

let imageDir: string;
beforeAll(() => {
  imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-bmc-'));
  fs.writeFileSync(path.join(imageDir, 'talos.raw'), Buffer.alloc(4096, 7));
});
afterAll(() => fs.rmSync(imageDir, { recursive: true, force: true }));

const board = (url: string, overrides: Partial<TuringPiHost> = {}) => ({
  name: 'turing-pi-2',
  url,
  username: 'root',
  password: BMC_PASSWORD,
  caData: TEST_CA_DATA,
  images: { talos: path.join(imageDir, 'talos.raw') },
  flashTimeoutMs: 1_000,
  ...overrides,
});

async function withServer<T>(
  handle: Handler,
  use: (server: Server) => Promise<T>,
): Promise<T> {
  const server = await startHttpsServer(handle);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

/** The BMC, with some calls answered otherwise. */
const bmcWith =
  (answer: Handler): Handler =>
  call =>
    answer(call) ?? turingPiBmcApi()(call);

/** The error a call fails with, checked to hold no secret. */
async function failure(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => {
      throw new Error('the call succeeded');
    },
    e => e as Error,
  );
  expect(error.message).not.toContain(BMC_PASSWORD);
  expect(error.message).not.toContain('session-token');
  return error.message;
}

const calls = (server: Server) =>
  server.calls.map(c => `${c.method} ${c.path}`);

describe('TuringPiClient', () => {
  failOnPrintedSecrets([BMC_PASSWORD, 'session-token']);

  it('signs in once with the configured account, then sends the session token', async () => {
    const reset = bmcWith(call =>
      call.path.includes('type=reset')
        ? { status: 200, body: { response: [{ result: 'ok' }] } }
        : undefined,
    );
    await withServer(reset, async server => {
      const client = new TuringPiClient(board(server.url));
      await client.power(2, 'on');
      await client.power(3, 'off');
      await client.power(4, 'reset');
      expect(calls(server)).toEqual([
        'POST /api/bmc/authenticate',
        'GET /api/bmc?opt=set&type=power&node2=1',
        'GET /api/bmc?opt=set&type=power&node3=0',
        'GET /api/bmc?opt=set&type=reset&node=3',
      ]);
      expect(server.calls[0].contentType).toBe('application/json');
      expect(JSON.parse(server.calls[0].body)).toEqual({
        username: 'root',
        password: BMC_PASSWORD,
      });
      expect(server.calls.slice(1).map(c => c.authorization)).toEqual(
        Array(3).fill('Bearer session-token'),
      );
    });
  });

  it("reads each slot's power, from either answer shape", async () => {
    for (const body of [
      { response: [{ result: [{ node1: 1, node2: '0', node3: '1' }] }] },
      { node1: '0', node2: 1, node4: 1 },
    ]) {
      await withServer(
        bmcWith(call =>
          call.path === '/api/bmc?opt=get&type=power'
            ? { status: 200, body }
            : undefined,
        ),
        async server => {
          const state = await new TuringPiClient(
            board(server.url),
          ).powerState();
          expect(state).toEqual(
            'response' in body
              ? { 1: true, 2: false, 3: true, 4: false }
              : { 1: false, 2: true, 3: false, 4: true },
          );
        },
      );
    }
  });

  it('flashes a configured image: a handle for its name and size, the upload, then the status until done', async () => {
    let statusPolls = 0;
    let uploaded = -1;
    await withServer(
      bmcWith(call => {
        if (call.path.startsWith('/api/bmc/upload/')) {
          uploaded = call.body.length;
          return { status: 200, body: {} };
        }
        if (call.path === '/api/bmc?opt=get&type=flash') {
          statusPolls++;
          return statusPolls < 2
            ? { status: 200, body: { Transferring: { bytes_written: 10 } } }
            : { status: 200, body: { Done: [1, 4096] } };
        }
        return undefined;
      }),
      async server => {
        await new TuringPiClient(board(server.url), 5).flash(3, 'talos');
        expect(calls(server)).toEqual([
          'POST /api/bmc/authenticate',
          'GET /api/bmc?opt=set&type=flash&node=2&file=talos.raw&length=4096',
          'POST /api/bmc/upload/42',
          'GET /api/bmc?opt=get&type=flash',
          'GET /api/bmc?opt=get&type=flash',
        ]);
        expect(uploaded).toBe(4096);
        expect(server.calls[2].authorization).toBe('Bearer session-token');
        expect(server.calls[2].contentType).toBe('application/octet-stream');
      },
    );
  });

  it('refuses an image that is not configured, before calling the BMC', async () => {
    await withServer(turingPiBmcApi(), async server => {
      expect(
        await failure(
          new TuringPiClient(board(server.url)).flash(1, '../etc/passwd'),
        ),
      ).toBe('no image named "../etc/passwd"');
      expect(server.calls).toEqual([]);
    });
  });

  it('says how a flash failed: the upload, the flash itself, the timeout, or a cancelled run', async () => {
    const flashing = (status: Handler) =>
      bmcWith(call =>
        call.path === '/api/bmc?opt=get&type=flash' ? status(call) : undefined,
      );
    await withServer(
      bmcWith(call =>
        call.path.startsWith('/api/bmc/upload/')
          ? { status: 507, body: 'no space left' }
          : undefined,
      ),
      async server => {
        expect(
          await failure(
            new TuringPiClient(board(server.url)).flash(1, 'talos'),
          ),
        ).toBe(
          'Turing Pi turing-pi-2: uploading talos failed with 507: "no space left"',
        );
      },
    );
    await withServer(
      flashing(() => ({ status: 200, body: { Error: 'checksum mismatch' } })),
      async server => {
        expect(
          await failure(
            new TuringPiClient(board(server.url)).flash(2, 'talos'),
          ),
        ).toBe(
          'Turing Pi turing-pi-2: flashing slot 2 failed: "checksum mismatch"',
        );
      },
    );
    await withServer(
      flashing(() => ({ status: 200, body: { Transferring: {} } })),
      async server => {
        const slow = new TuringPiClient(
          board(server.url, { flashTimeoutMs: 50 }),
          5,
        );
        expect(await failure(slow.flash(2, 'talos'))).toBe(
          'Turing Pi turing-pi-2: flashing slot 2 did not finish within 0.05 s',
        );
        const controller = new AbortController();
        const patient = new TuringPiClient(
          board(server.url, { flashTimeoutMs: 60_000 }),
          5,
        );
        const flash = patient.flash(2, 'talos', controller.signal);
        setTimeout(() => controller.abort(), 30);
        expect(await failure(flash)).toBe('flashing was cancelled');
      },
    );
  });

  it('says it was cancelled when the run is cancelled before the image is uploaded, and flashes nothing', async () => {
    await withServer(turingPiBmcApi(), async server => {
      const client = new TuringPiClient(board(server.url), 5);
      expect(await failure(client.flash(2, 'talos', AbortSignal.abort()))).toBe(
        'flashing was cancelled',
      );
      expect(calls(server)).not.toContain('GET /api/bmc?opt=get&type=flash');
    });
  });

  it('reads answers that are not JSON: a page where the token should be, or nothing', async () => {
    await withServer(
      call =>
        call.path === '/api/bmc/authenticate'
          ? {
              status: 200,
              text: '<html>Login</html>',
              contentType: 'text/html',
            }
          : undefined,
      async server => {
        expect(
          await failure(new TuringPiClient(board(server.url)).power(1, 'on')),
        ).toBe(
          'Turing Pi turing-pi-2: signing in to the BMC was refused (200): check username and password in homelab.provisioning.turingPi',
        );
      },
    );
    await withServer(
      bmcWith(call =>
        call.path.startsWith('/api/bmc?opt=set&type=power')
          ? { status: 200, text: '', contentType: 'text/plain' }
          : undefined,
      ),
      async server => {
        await expect(
          new TuringPiClient(board(server.url)).power(1, 'on'),
        ).resolves.toBeUndefined();
      },
    );
  });

  it('says a sign-in was refused without repeating the password', async () => {
    await withServer(turingPiBmcApi(), async server => {
      const wrong = new TuringPiClient(
        board(server.url, { password: 'not-the-password' }),
      );
      const message = await failure(wrong.power(1, 'on'));
      expect(message).toBe(
        'Turing Pi turing-pi-2: signing in to the BMC was refused (403): check username and password in homelab.provisioning.turingPi',
      );
      expect(message).not.toContain('not-the-password');
    });
    await withServer(
      call =>
        call.path === '/api/bmc/authenticate'
          ? { status: 200, body: { id: 1 } }
          : undefined,
      async server => {
        expect(
          await failure(new TuringPiClient(board(server.url)).power(1, 'on')),
        ).toBe(
          'Turing Pi turing-pi-2: signing in to the BMC was refused (200): check username and password in homelab.provisioning.turingPi',
        );
      },
    );
  });

  it('signs in again after the BMC drops the session', async () => {
    let refusals = 1;
    await withServer(
      bmcWith(call =>
        call.path.startsWith('/api/bmc?') && refusals-- > 0
          ? { status: 401, body: {} }
          : undefined,
      ),
      async server => {
        const client = new TuringPiClient(board(server.url));
        expect(await failure(client.power(1, 'on'))).toBe(
          'Turing Pi turing-pi-2: set power was refused (401): the BMC session was not accepted',
        );
        await client.power(1, 'on');
        expect(calls(server)).toEqual([
          'POST /api/bmc/authenticate',
          'GET /api/bmc?opt=set&type=power&node1=1',
          'POST /api/bmc/authenticate',
          'GET /api/bmc?opt=set&type=power&node1=1',
        ]);
      },
    );
  });

  it("says which call failed and why: an error status, or bmcd's own result", async () => {
    await withServer(
      bmcWith(call => {
        if (call.path.includes('type=power'))
          return { status: 500, body: 'y'.repeat(400) };
        if (call.path.includes('type=reset'))
          return {
            status: 200,
            body: { response: [{ result: 'node 9 does not exist' }] },
          };
        return undefined;
      }),
      async server => {
        const client = new TuringPiClient(board(server.url));
        expect(await failure(client.power(1, 'on'))).toBe(
          `Turing Pi turing-pi-2: set power failed with 500: ${`"${'y'.repeat(
            400,
          )}"`.slice(0, 300)}`,
        );
        expect(await failure(client.power(1, 'reset'))).toBe(
          'Turing Pi turing-pi-2: set reset: node 9 does not exist',
        );
      },
    );
  });

  it('names the board when it cannot be reached', async () => {
    expect(
      await failure(
        new TuringPiClient(board('https://127.0.0.1:1')).power(1, 'on'),
      ),
    ).toMatch(/^Turing Pi turing-pi-2: /);
  });
});

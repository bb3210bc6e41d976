import fs from 'node:fs';
import path from 'node:path';
import { HostConnection, requestJson } from '@homelab/plugin-homelab-node';
import { TuringPiHost } from './provisioningHosts';

const REQUEST_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 5_000;

/** What can be done to a slot's power. */
export type PowerAction = 'on' | 'off' | 'reset';

/**
 * The Turing Pi 2 BMC API (bmcd 2.x): bearer-token sign-in, then the
 * /api/bmc?opt=...&type=... calls. Slots are numbered 1 to 4 here, as printed
 * on the board; the API's `node` parameter counts from 0 and its
 * `node<N>` power parameters from 1.
 */
export class TuringPiClient {
  readonly #host: TuringPiHost;
  readonly #connection: HostConnection;
  #token?: string;

  constructor(
    host: TuringPiHost,
    private readonly pollIntervalMs = POLL_INTERVAL_MS,
  ) {
    this.#host = host;
    this.#connection = {
      url: host.url,
      caData: host.caData,
      skipTLSVerify: host.skipTLSVerify,
      timeoutMs: REQUEST_TIMEOUT_MS,
    };
  }

  /** Power state of each slot, 1 to 4: true when on. */
  async powerState(): Promise<Record<number, boolean>> {
    const result = (await this.#bmc({ opt: 'get', type: 'power' })) as Record<
      string,
      string | number
    >;
    return Object.fromEntries(
      [1, 2, 3, 4].map(slot => [slot, String(result[`node${slot}`]) === '1']),
    );
  }

  async power(slot: number, action: PowerAction) {
    if (action === 'reset') {
      await this.#bmc({ opt: 'set', type: 'reset', node: String(slot - 1) });
    } else {
      await this.#bmc({
        opt: 'set',
        type: 'power',
        [`node${slot}`]: action === 'on' ? '1' : '0',
      });
    }
  }

  /**
   * Flashes a configured image onto a slot's module: asks for a transfer
   * handle, uploads the image, then polls the flash status until bmcd
   * reports it done or failed. Cancelled at any step, it says so, not
   * how the step it interrupted failed.
   */
  async flash(slot: number, imageName: string, signal?: AbortSignal) {
    try {
      await this.#flash(slot, imageName, signal);
    } catch (error) {
      if (signal?.aborted) throw new Error('flashing was cancelled');
      throw error;
    }
  }

  async #flash(slot: number, imageName: string, signal?: AbortSignal) {
    const imagePath = this.#host.images[imageName];
    if (!imagePath) throw new Error(`no image named "${imageName}"`);
    const { size } = await fs.promises.stat(imagePath);
    const { handle } = (await this.#bmc({
      opt: 'set',
      type: 'flash',
      node: String(slot - 1),
      file: path.basename(imagePath),
      length: String(size),
    })) as { handle: number | string };
    const upload = await requestJson(
      { ...this.#connection, timeoutMs: this.#host.flashTimeoutMs },
      {
        method: 'POST',
        path: `api/bmc/upload/${encodeURIComponent(String(handle))}`,
        headers: { authorization: `Bearer ${await this.#signIn()}` },
        body: {
          stream: fs.createReadStream(imagePath),
          length: size,
          contentType: 'application/octet-stream',
        },
      },
      signal,
    );
    if (upload.status < 200 || upload.status >= 300) {
      throw new Error(
        `Turing Pi ${this.#host.name}: uploading ${imageName} failed with ${
          upload.status
        }: ${upload.text.slice(0, 300)}`,
      );
    }
    const deadline = Date.now() + this.#host.flashTimeoutMs;
    for (;;) {
      const status = (await this.#bmc({ opt: 'get', type: 'flash' })) as Record<
        string,
        unknown
      >;
      if ('Error' in status) {
        throw new Error(
          `Turing Pi ${
            this.#host.name
          }: flashing slot ${slot} failed: ${JSON.stringify(status.Error)}`,
        );
      }
      if ('Done' in status) return;
      if (Date.now() > deadline) {
        throw new Error(
          `Turing Pi ${
            this.#host.name
          }: flashing slot ${slot} did not finish within ${
            this.#host.flashTimeoutMs / 1000
          } s`,
        );
      }
      if (signal?.aborted) throw new Error('flashing was cancelled');
      await new Promise(resolve => setTimeout(resolve, this.pollIntervalMs));
    }
  }

  async #signIn(): Promise<string> {
    if (this.#token) return this.#token;
    const response = await requestJson(this.#connection, {
      method: 'POST',
      path: 'api/bmc/authenticate',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: this.#host.username,
        password: this.#host.password,
      }),
    }).catch(error => {
      throw new Error(`Turing Pi ${this.#host.name}: ${error.message}`);
    });
    const token = (response.body as { token?: string } | undefined)?.token;
    if (response.status !== 200 || !token) {
      throw new Error(
        `Turing Pi ${this.#host.name}: signing in to the BMC was refused (${
          response.status
        }): check username and password in homelab.provisioning.turingPi`,
      );
    }
    this.#token = token;
    return token;
  }

  /** One legacy-API call; answers {"response":[{"result": ...}]} or the result object. */
  async #bmc(query: Record<string, string>): Promise<unknown> {
    const search = new URLSearchParams(query).toString();
    const response = await requestJson(this.#connection, {
      method: 'GET',
      path: `api/bmc?${search}`,
      headers: { authorization: `Bearer ${await this.#signIn()}` },
    }).catch(error => {
      throw new Error(`Turing Pi ${this.#host.name}: ${error.message}`);
    });
    const what = `${query.opt} ${query.type}`;
    if (response.status === 401) {
      this.#token = undefined;
      throw new Error(
        `Turing Pi ${
          this.#host.name
        }: ${what} was refused (401): the BMC session was not accepted`,
      );
    }
    if (response.status < 200 || response.status >= 300) {
      throw new Error(
        `Turing Pi ${this.#host.name}: ${what} failed with ${
          response.status
        }: ${response.text.slice(0, 300)}`,
      );
    }
    const body = response.body as
      | { response?: Array<Record<string, unknown>> }
      | Record<string, unknown>
      | undefined;
    const first = Array.isArray((body as any)?.response)
      ? (body as { response: Array<Record<string, unknown>> }).response[0]
      : body;
    if (first && 'result' in first) {
      const result = first.result;
      if (typeof result === 'string' && result !== 'ok') {
        throw new Error(`Turing Pi ${this.#host.name}: ${what}: ${result}`);
      }
      return Array.isArray(result) ? result[0] : result;
    }
    return first ?? {};
  }
}

import { HostConnection, requestJson } from '@homelab/plugin-homelab-node';
import { ProxmoxHost } from './provisioningHosts';

const REQUEST_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 2_000;

/** Cloud-init and hardware settings of a cloned VM. */
interface VmSettings {
  ciuser?: string;
  sshKeys?: string[];
  /** ipconfig0: "ip=192.168.100.40/24,gw=192.168.100.1" or "ip=dhcp". */
  ipConfig?: string;
  cores?: number;
  memoryMB?: number;
  tags?: string[];
}

/**
 * The Proxmox VE API (/api2/json) calls provisioning needs, authenticated
 * with an API token. Failures name the call and Proxmox's reason; the token
 * never appears in them.
 */
export class ProxmoxClient {
  readonly #host: ProxmoxHost;
  readonly #connection: HostConnection;

  constructor(
    host: ProxmoxHost,
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

  /** The id Proxmox offers for the next VM. */
  async nextVmid(): Promise<number> {
    return Number(await this.#call('GET', '/cluster/nextid'));
  }

  /** The VM of this name on the configured node, if one exists. */
  async findVm(name: string): Promise<number | undefined> {
    const vms = (await this.#call(
      'GET',
      `/nodes/${this.#node}/qemu`,
    )) as Array<{ vmid: number | string; name?: string }>;
    const vm = vms.find(v => v.name === name);
    return vm ? Number(vm.vmid) : undefined;
  }

  /** Starts a full clone of a template; returns the task's UPID. */
  async clone(
    templateVmid: number,
    newid: number,
    name: string,
    storage?: string,
  ) {
    return (await this.#call(
      'POST',
      `/nodes/${this.#node}/qemu/${templateVmid}/clone`,
      {
        newid: String(newid),
        name,
        full: '1',
        ...(storage ? { storage } : {}),
      },
    )) as string;
  }

  /** Sets cloud-init and hardware settings (synchronously, with PUT). */
  async configure(vmid: number, settings: VmSettings) {
    const form: Record<string, string> = {};
    if (settings.ciuser) form.ciuser = settings.ciuser;
    if (settings.sshKeys?.length) {
      // Proxmox wants the keys URL-encoded inside the form value (with %20, not +).
      form.sshkeys = encodeURIComponent(`${settings.sshKeys.join('\n')}\n`);
    }
    if (settings.ipConfig) form.ipconfig0 = settings.ipConfig;
    if (settings.cores) form.cores = String(settings.cores);
    if (settings.memoryMB) form.memory = String(settings.memoryMB);
    if (settings.tags?.length) form.tags = settings.tags.join(';');
    form.onboot = '1';
    await this.#call('PUT', `/nodes/${this.#node}/qemu/${vmid}/config`, form);
  }

  /** Whether the VM runs now. */
  async isRunning(vmid: number): Promise<boolean> {
    const status = (await this.#call(
      'GET',
      `/nodes/${this.#node}/qemu/${vmid}/status/current`,
    )) as { status?: string };
    return status.status === 'running';
  }

  /** Starts the VM; returns the task's UPID. */
  async start(vmid: number): Promise<string> {
    return (await this.#call(
      'POST',
      `/nodes/${this.#node}/qemu/${vmid}/status/start`,
      {},
    )) as string;
  }

  /**
   * Polls a task until it stops; throws with Proxmox's exit status when it
   * did not end "OK", or when it outlives the configured timeout.
   */
  async waitForTask(upid: string, what: string, signal?: AbortSignal) {
    const deadline = Date.now() + this.#host.taskTimeoutMs;
    for (;;) {
      const status = (await this.#call(
        'GET',
        `/nodes/${this.#node}/tasks/${encodeURIComponent(upid)}/status`,
      )) as { status: string; exitstatus?: string };
      if (status.status === 'stopped') {
        if (status.exitstatus !== 'OK') {
          throw new Error(
            `Proxmox ${this.#host.name}: ${what} failed: ${
              status.exitstatus ?? 'no exit status'
            } (task ${upid})`,
          );
        }
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Proxmox ${this.#host.name}: ${what} did not finish within ${
            this.#host.taskTimeoutMs / 1000
          } s (task ${upid} still ${status.status})`,
        );
      }
      if (signal?.aborted) throw new Error(`${what} was cancelled`);
      await new Promise(resolve => setTimeout(resolve, this.pollIntervalMs));
    }
  }

  get #node() {
    return encodeURIComponent(this.#host.node);
  }

  async #call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    form?: Record<string, string>,
  ): Promise<unknown> {
    const response = await requestJson(this.#connection, {
      method,
      path: `api2/json${path}`,
      headers: {
        authorization: `PVEAPIToken=${this.#host.tokenId}=${
          this.#host.tokenSecret
        }`,
        ...(form
          ? { 'content-type': 'application/x-www-form-urlencoded' }
          : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    }).catch(error => {
      throw new Error(`Proxmox ${this.#host.name}: ${error.message}`);
    });
    if (response.status === 401) {
      throw new Error(
        `Proxmox ${
          this.#host.name
        }: ${method} ${path} was refused (401): check the API token in homelab.provisioning.proxmox`,
      );
    }
    if (response.status < 200 || response.status >= 300) {
      const reason =
        (response.body as { message?: string; errors?: unknown } | undefined)
          ?.errors ?? response.text.slice(0, 300);
      throw new Error(
        `Proxmox ${this.#host.name}: ${method} ${path} failed with ${
          response.status
        }: ${typeof reason === 'string' ? reason : JSON.stringify(reason)}`,
      );
    }
    return (response.body as { data?: unknown } | undefined)?.data;
  }
}

import fs from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';

const tls = path.resolve(
  require.resolve('@homelab/plugin-homelab-node/package.json'),
  '../test-fixtures/tls',
);

/** The Proxmox API token secret the test Proxmox VE accepts. */
export const TOKEN_SECRET = '5f0c2a9e-1b7d-4c3e-9a8f-token-secret';
/** The password the test Turing Pi BMC accepts. */
export const BMC_PASSWORD = 'bmc-password-never-logged';
/** The CA of the test servers' certificates, as homelab.provisioning takes it. */
export const TEST_CA_DATA = fs
  .readFileSync(path.join(tls, 'ca.crt'))
  .toString('base64');

interface Call {
  method: string;
  path: string;
  body: string;
  authorization?: string;
  contentType?: string;
}

/**
 * An answer: `body` as JSON, or `text` as it is (what a proxy in front of
 * the server answers, or a server that answers nothing).
 */
type Answer =
  | { status: number; body: unknown }
  | { status: number; text: string; contentType: string };
type Handler = (call: Call) => Answer | undefined;

/** A local HTTPS server answering what `handle` answers, recording every call. */
export async function startHttpsServer(handle: Handler) {
  const calls: Call[] = [];
  const server = https.createServer(
    {
      key: fs.readFileSync(path.join(tls, 'server.key')),
      cert: fs.readFileSync(path.join(tls, 'server.crt')),
    },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        const call = {
          method: req.method!,
          path: req.url!,
          body: Buffer.concat(chunks).toString(),
          authorization: req.headers.authorization,
          contentType: req.headers['content-type'],
        };
        calls.push(call);
        const answer = handle(call) ?? {
          status: 404,
          body: { errors: 'no such endpoint' },
        };
        if ('text' in answer) {
          res.writeHead(answer.status, { 'content-type': answer.contentType });
          res.end(answer.text);
          return;
        }
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    },
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://localhost:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

/**
 * The documented Proxmox VE endpoints of a node "pve" with a template 9000
 * and one existing VM; tasks finish with `exitstatus`, or never.
 */
export function proxmoxApi(options: {
  exitstatus?: string;
  neverFinish?: boolean;
}): Handler {
  const vms: Array<{ vmid: number; name: string; status: string }> = [
    { vmid: 100, name: 'docker', status: 'running' },
  ];
  return call => {
    if (
      call.authorization !==
      `PVEAPIToken=backstage@pve!provision=${TOKEN_SECRET}`
    ) {
      return { status: 401, body: { data: null } };
    }
    const p = call.path.replace('/api2/json', '');
    if (p === '/cluster/nextid') return { status: 200, body: { data: '101' } };
    if (p === '/nodes/pve/qemu' && call.method === 'GET')
      return { status: 200, body: { data: vms } };
    if (p === '/nodes/pve/qemu/9000/clone') {
      const form = new URLSearchParams(call.body);
      vms.push({
        vmid: Number(form.get('newid')),
        name: form.get('name')!,
        status: 'stopped',
      });
      return { status: 200, body: { data: 'UPID:pve:0001:clone' } };
    }
    if (p === '/nodes/pve/qemu/101/config' && call.method === 'PUT')
      return { status: 200, body: { data: null } };
    if (p === '/nodes/pve/qemu/101/status/current') {
      return {
        status: 200,
        body: { data: { status: vms.find(v => v.vmid === 101)?.status } },
      };
    }
    if (p === '/nodes/pve/qemu/101/status/start') {
      vms.find(v => v.vmid === 101)!.status = 'running';
      return { status: 200, body: { data: 'UPID:pve:0002:start' } };
    }
    if (p.startsWith('/nodes/pve/tasks/')) {
      return {
        status: 200,
        body: {
          data: options.neverFinish
            ? { status: 'running' }
            : { status: 'stopped', exitstatus: options.exitstatus ?? 'OK' },
        },
      };
    }
    return undefined;
  };
}

/**
 * The documented Turing Pi 2 BMC endpoints: a session for BMC_PASSWORD,
 * slot power, and a flash that finishes once the image is uploaded, whose
 * size `onUpload` receives.
 */
export function turingPiBmcApi(onUpload?: (bytes: number) => void): Handler {
  return call => {
    if (call.path === '/api/bmc/authenticate') {
      return JSON.parse(call.body).password === BMC_PASSWORD
        ? { status: 200, body: { id: 1, token: 'session-token' } }
        : { status: 403, body: 'Forbidden' };
    }
    if (call.authorization !== 'Bearer session-token')
      return { status: 401, body: {} };
    if (call.path.startsWith('/api/bmc/upload/')) {
      onUpload?.(call.body.length);
      return { status: 200, body: { response: [{ result: 'ok' }] } };
    }
    if (call.path.startsWith('/api/bmc?opt=set&type=flash'))
      return { status: 200, body: { handle: 42 } };
    if (call.path === '/api/bmc?opt=get&type=flash')
      return { status: 200, body: { Done: [1, 65536] } };
    if (call.path.startsWith('/api/bmc?opt=set&type=power'))
      return { status: 200, body: { response: [{ result: 'ok' }] } };
    return undefined;
  };
}

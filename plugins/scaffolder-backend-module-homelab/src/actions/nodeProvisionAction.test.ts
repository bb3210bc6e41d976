import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BMC_PASSWORD,
  proxmoxApi,
  startHttpsServer,
  TEST_CA_DATA,
  TOKEN_SECRET,
  turingPiBmcApi,
} from '../__testUtils__/provisioningServers';
import { failOnPrintedSecrets } from '../__testUtils__/printedSecrets';
import { ProvisioningHosts } from '../provisioning/provisioningHosts';
import { createNodeProvisionAction } from './nodeProvisionAction';

const EXAMPLE_INVENTORY = path.resolve(
  __dirname,
  '../../../../examples/homelab',
);

describe('homelab:node:provision against local servers speaking the Proxmox VE and Turing Pi BMC APIs', () => {
  failOnPrintedSecrets([TOKEN_SECRET, BMC_PASSWORD, 'session-token']);

  let workspace: string;
  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-provision-'));
    fs.cpSync(EXAMPLE_INVENTORY, path.join(workspace, 'inventory'), {
      recursive: true,
    });
  });
  afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

  const allow = () => {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
    return permissions;
  };
  const hosts = (
    proxmoxUrl: string,
    bmcUrl = 'https://127.0.0.1:1',
    timeoutMs = 2000,
  ): ProvisioningHosts => ({
    proxmox: [
      {
        name: 'proxmox',
        url: proxmoxUrl,
        node: 'pve',
        tokenId: 'backstage@pve!provision',
        tokenSecret: TOKEN_SECRET,
        caData: TEST_CA_DATA,
        taskTimeoutMs: timeoutMs,
      },
    ],
    turingPi: [
      {
        name: 'turing-pi-2',
        url: bmcUrl,
        username: 'root',
        password: BMC_PASSWORD,
        caData: TEST_CA_DATA,
        images: { 'talos-rk1': path.join(workspace, 'talos.raw') },
        flashTimeoutMs: timeoutMs,
      },
    ],
  });
  const vmInput = {
    name: 'k3s-worker-1',
    cluster: 'staging',
    network: 'serverlan',
    address: '192.168.100.41',
    proxmox: {
      host: 'proxmox',
      templateVmid: 9000,
      cores: 4,
      memoryGB: 8,
      sshKeys: ['ssh-ed25519 AAAAC3Nza me@laptop'],
    },
  };
  const secretsIn = (ctx: ReturnType<typeof createMockActionContext>) => {
    const logger = ctx.logger as unknown as Record<string, jest.Mock>;
    const logged = JSON.stringify([
      ...['error', 'warn', 'info', 'debug'].map(
        level => logger[level].mock.calls,
      ),
      (ctx.output as jest.Mock).mock.calls,
    ]);
    return [TOKEN_SECRET, BMC_PASSWORD].filter(secret =>
      logged.includes(secret),
    );
  };

  it('clones, configures and starts a VM, writes the k3s join config and adds the node to the inventory; a rerun clones nothing', async () => {
    const proxmox = await startHttpsServer(proxmoxApi({}));
    try {
      const action = createNodeProvisionAction({
        hosts: hosts(proxmox.url),
        permissions: allow(),
        pollIntervalMs: 10,
      });
      const ctx = createMockActionContext({
        logger: mockServices.logger.mock(),
        input: vmInput as any,
        workspacePath: workspace,
      });
      const info = jest.spyOn(ctx.logger, 'info');
      await action.handler(ctx);

      expect(proxmox.calls.map(c => `${c.method} ${c.path}`)).toEqual([
        'GET /api2/json/nodes/pve/qemu',
        'GET /api2/json/cluster/nextid',
        'POST /api2/json/nodes/pve/qemu/9000/clone',
        'GET /api2/json/nodes/pve/tasks/UPID%3Apve%3A0001%3Aclone/status',
        'PUT /api2/json/nodes/pve/qemu/101/config',
        'GET /api2/json/nodes/pve/qemu/101/status/current',
        'POST /api2/json/nodes/pve/qemu/101/status/start',
        'GET /api2/json/nodes/pve/tasks/UPID%3Apve%3A0002%3Astart/status',
      ]);
      const config = new URLSearchParams(proxmox.calls[4].body);
      expect(config.get('ipconfig0')).toBe(
        'ip=192.168.100.41/24,gw=192.168.100.1',
      );
      expect(config.get('sshkeys')).toBe(
        'ssh-ed25519%20AAAAC3Nza%20me%40laptop%0A',
      );
      expect(config.get('memory')).toBe('8192');

      const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
      expect(outputs.vmid).toBe(101);
      expect(outputs.joinConfigFile).toBe(
        'k3s/staging/k3s-worker-1.config.yaml',
      );
      expect(
        fs.readFileSync(path.join(workspace, outputs.joinConfigFile), 'utf8'),
      ).toBe(
        'server: https://192.168.100.10:6443\ntoken-file: /etc/rancher/k3s/join-token\nnode-name: k3s-worker-1\nnode-ip: 192.168.100.41\n',
      );
      const hardware = fs.readFileSync(
        path.join(workspace, 'inventory/hardware.yaml'),
        'utf8',
      );
      expect(hardware).toContain(
        '  - name: k3s-worker-1\n    kind: virtual-machine\n    host: proxmox\n',
      );
      expect(hardware).toContain('vmid: 101');
      expect(hardware).toContain(
        '# Illustrative: the reference lists Docker containers',
      ); // comments kept
      expect(
        fs.readFileSync(
          path.join(workspace, 'inventory/clusters.yaml'),
          'utf8',
        ),
      ).toContain('device: k3s-worker-1');
      expect(JSON.stringify(info.mock.calls)).not.toContain(TOKEN_SECRET);
      expect(secretsIn(ctx)).toEqual([]);

      const before = proxmox.calls.length;
      await action.handler(
        createMockActionContext({
          logger: mockServices.logger.mock(),
          input: vmInput as any,
          workspacePath: workspace,
        }),
      );
      const rerun = proxmox.calls
        .slice(before)
        .map(c => `${c.method} ${c.path}`);
      expect(rerun).not.toContain('POST /api2/json/nodes/pve/qemu/9000/clone');
      expect(rerun).not.toContain(
        'POST /api2/json/nodes/pve/qemu/101/status/start',
      );
    } finally {
      await proxmox.close();
    }
  });

  it('a clone task that ends in error, a refused token and a task that never ends give clear messages without secrets', async () => {
    const failing = await startHttpsServer(
      proxmoxApi({
        exitstatus: "unable to create VM 101 - disk 'local-lvm' full",
      }),
    );
    const slow = await startHttpsServer(proxmoxApi({ neverFinish: true }));
    try {
      const run = (h: ProvisioningHosts) =>
        createNodeProvisionAction({
          hosts: h,
          permissions: allow(),
          pollIntervalMs: 10,
        }).handler(
          createMockActionContext({
            logger: mockServices.logger.mock(),
            input: vmInput as any,
            workspacePath: workspace,
          }),
        );
      await expect(run(hosts(failing.url))).rejects.toThrow(
        "Proxmox proxmox: cloning template 9000 failed: unable to create VM 101 - disk 'local-lvm' full (task UPID:pve:0001:clone)",
      );
      const wrongToken = hosts(failing.url);
      wrongToken.proxmox[0].tokenSecret = 'wrong';
      const refused = run(wrongToken);
      await expect(refused).rejects.toThrow(
        'was refused (401): check the API token in homelab.provisioning.proxmox',
      );
      await expect(refused).rejects.not.toThrow('wrong');
      await expect(run(hosts(slow.url, undefined, 200))).rejects.toThrow(
        /did not finish within 0.2 s \(task UPID:pve:0001:clone still running\)/,
      );
      // Nothing was added to the inventory by the failed runs.
      expect(
        fs.readFileSync(
          path.join(workspace, 'inventory/hardware.yaml'),
          'utf8',
        ),
      ).not.toContain('k3s-worker-1');
    } finally {
      await failing.close();
      await slow.close();
    }
  });

  it('flashes and powers a Turing Pi slot, then writes a Talos patch and fills the address kept for it; a taken slot is refused before the BMC is touched', async () => {
    fs.writeFileSync(
      path.join(workspace, 'talos.raw'),
      Buffer.alloc(64 * 1024, 7),
    );
    let uploaded = 0;
    const bmc = await startHttpsServer(
      turingPiBmcApi(bytes => {
        uploaded = bytes;
      }),
    );
    try {
      const action = createNodeProvisionAction({
        hosts: hosts('https://127.0.0.1:1', bmc.url),
        permissions: allow(),
        pollIntervalMs: 10,
      });
      const taken = createMockActionContext({
        logger: mockServices.logger.mock(),
        input: {
          name: 'rk1-5',
          cluster: 'production',
          network: 'serverlan',
          address: '192.168.100.15',
          turingPi: { board: 'turing-pi-2', slot: 1 },
        } as any,
        workspacePath: workspace,
      });
      await expect(action.handler(taken)).rejects.toThrow(
        /inventory would be invalid.*slot 1 of "turing-pi-2" is already taken by "rk1-1"/s,
      );
      expect(bmc.calls).toEqual([]);

      const ctx = createMockActionContext({
        logger: mockServices.logger.mock(),
        input: {
          name: 'rk1-4',
          cluster: 'production',
          network: 'serverlan',
          // The example keeps 192.168.100.14 for "RK1 module 4 in Turing Pi slot 4".
          address: '192.168.100.14',
          installDisk: '/dev/nvme0n1',
          turingPi: { board: 'turing-pi-2', slot: 4, image: 'talos-rk1' },
        } as any,
        workspacePath: workspace,
      });
      await action.handler(ctx);
      expect(bmc.calls.map(c => `${c.method} ${c.path}`)).toEqual([
        'POST /api/bmc/authenticate',
        'GET /api/bmc?opt=set&type=power&node4=0',
        'GET /api/bmc?opt=set&type=flash&node=3&file=talos.raw&length=65536',
        'POST /api/bmc/upload/42',
        'GET /api/bmc?opt=get&type=flash',
        'GET /api/bmc?opt=set&type=power&node4=1',
      ]);
      expect(uploaded).toBe(65536);
      const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
      expect(
        fs.readFileSync(path.join(workspace, outputs.joinConfigFile), 'utf8'),
      ).toContain('type: worker');
      expect(
        fs.readFileSync(
          path.join(workspace, 'inventory/hardware.yaml'),
          'utf8',
        ),
      ).toContain('board: turing-pi-2\n      number: 4');
      const network = fs.readFileSync(
        path.join(workspace, 'inventory/network.yaml'),
        'utf8',
      );
      expect(network).not.toContain('RK1 module 4 in Turing Pi slot 4');
      // The rest of the file, comments included, is as it was.
      expect(network).toContain(
        '# The reference gives DHCP 192.168.100.150-254 and MetalLB pools',
      );
      expect(outputs.inventoryFiles).toEqual([
        'inventory/clusters.yaml',
        'inventory/hardware.yaml',
        'inventory/network.yaml',
      ]);
      expect((ctx.logger as any).info).toHaveBeenCalledWith(
        '192.168.100.14 was reserved for "RK1 module 4 in Turing Pi slot 4 (future worker + Longhorn)"; rk1-4 takes it and the reservation is removed',
      );
      expect(secretsIn(ctx)).toEqual([]);
    } finally {
      await bmc.close();
    }
  });

  it('refuses a user without homelab.node.provision before any host is contacted or any file written', async () => {
    const proxmox = await startHttpsServer(proxmoxApi({}));
    try {
      const permissions = mockServices.permissions.mock();
      permissions.authorize.mockResolvedValue([
        { result: AuthorizeResult.DENY },
      ]);
      const action = createNodeProvisionAction({
        hosts: hosts(proxmox.url),
        permissions,
        pollIntervalMs: 10,
      });
      const before = fs.readFileSync(
        path.join(workspace, 'inventory/hardware.yaml'),
        'utf8',
      );
      await expect(
        action.handler(
          createMockActionContext({
            logger: mockServices.logger.mock(),
            input: vmInput as any,
            workspacePath: workspace,
          }),
        ),
      ).rejects.toThrow(
        'You are not allowed to provision nodes (permission homelab.node.provision)',
      );
      expect(
        permissions.authorize.mock.calls.map(([requests]) =>
          requests.map(r => r.permission.name),
        ),
      ).toEqual([['homelab.node.provision']]);
      expect(proxmox.calls).toEqual([]);
      expect(
        fs.readFileSync(
          path.join(workspace, 'inventory/hardware.yaml'),
          'utf8',
        ),
      ).toBe(before);
      expect(fs.readdirSync(workspace)).toEqual(['inventory']);
    } finally {
      await proxmox.close();
    }
  });

  it('only reaches configured hosts: an unknown host name is refused', async () => {
    const action = createNodeProvisionAction({
      hosts: hosts('https://127.0.0.1:1'),
      permissions: allow(),
    });
    await expect(
      action.handler(
        createMockActionContext({
          logger: mockServices.logger.mock(),
          input: {
            ...vmInput,
            proxmox: { ...vmInput.proxmox, host: 'https://evil.example' },
          } as any,
          workspacePath: workspace,
        }),
      ),
    ).rejects.toThrow(
      'No Proxmox host named "https://evil.example" is configured under homelab.provisioning; configured: "proxmox"',
    );
  });

  it('takes a machine that runs already with no provisioning host configured: inventory and join configuration only', async () => {
    const action = createNodeProvisionAction({
      hosts: { proxmox: [], turingPi: [] },
      permissions: allow(),
    });
    const ctx = createMockActionContext({
      logger: mockServices.logger.mock(),
      input: {
        name: 'rk1-4',
        cluster: 'production',
        network: 'serverlan',
        address: '192.168.100.14',
        existing: {
          kind: 'compute-module',
          architecture: 'arm64',
          board: 'turing-pi-2',
          slot: 4,
        },
      } as any,
      workspacePath: workspace,
    });
    await action.handler(ctx);
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(outputs.vmid).toBeUndefined();
    expect(outputs.joinConfigFile).toBe('talos/production/rk1-4.patch.yaml');
    const hardware = fs.readFileSync(
      path.join(workspace, 'inventory/hardware.yaml'),
      'utf8',
    );
    expect(hardware).toContain(
      '  - name: rk1-4\n    kind: compute-module\n    architecture: arm64\n    slot:\n      board: turing-pi-2\n      number: 4',
    );
    expect((ctx.logger as any).info).toHaveBeenCalledWith(
      'rk1-4 runs already: nothing is contacted; it is added to the inventory with its join configuration',
    );
    await expect(
      action.handler(
        createMockActionContext({
          input: {
            ...vmInput,
            existing: { kind: 'server', architecture: 'amd64' },
          } as any,
          workspacePath: workspace,
        }),
      ),
    ).rejects.toThrow('Give exactly one of proxmox, turingPi and existing');
  });
});

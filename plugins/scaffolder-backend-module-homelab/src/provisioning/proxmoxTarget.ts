import { ProxmoxClient } from './ProxmoxClient';
import { ProxmoxHost } from './provisioningHosts';
import {
  NodePlacement,
  ProvisioningContext,
  ProvisioningTarget,
} from './ProvisioningTarget';

/** The VM a template asks Proxmox VE for. */
interface ProxmoxVmRequest {
  /** The VM's name: the node's. */
  name: string;
  templateVmid: number;
  /** Target storage of the full clone; the template's when absent. */
  storage?: string;
  cores: number;
  memoryGB: number;
  /** The cloud-init user and the SSH keys it accepts. */
  ciuser: string;
  sshKeys: string[];
  tags: string[];
}

/**
 * A VM cloned from a template on a configured Proxmox VE host, configured
 * through cloud-init and started.
 */
export function proxmoxTarget(
  host: ProxmoxHost,
  vm: ProxmoxVmRequest,
  pollIntervalMs?: number,
): ProvisioningTarget {
  return {
    inventoryDevice(interfaces, recorded) {
      return {
        name: vm.name,
        kind: 'virtual-machine',
        host: host.name,
        architecture: 'amd64',
        cpu: { cores: vm.cores },
        memoryGB: vm.memoryGB,
        interfaces,
        // A rerun finds the VM it made; the inventory then already carries its id.
        ...(recorded?.vmid !== undefined ? { vmid: recorded.vmid } : {}),
      };
    },
    async provision(ctx, placement) {
      const proxmox = new ProxmoxClient(host, pollIntervalMs);
      const vmid = await cloneVm(ctx, proxmox, host, vm);
      await configureVm(ctx, proxmox, host, vm, vmid, placement);
      await startVm(ctx, proxmox, host, vmid);
      return { vmid };
    },
  };
}

/** The VM's id: the one a previous run cloned, or a fresh full clone of the template. */
function cloneVm(
  ctx: ProvisioningContext,
  proxmox: ProxmoxClient,
  host: ProxmoxHost,
  vm: ProxmoxVmRequest,
): Promise<number> {
  return ctx.checkpoint<number>({
    key: `homelab-proxmox-clone-${host.name}-${vm.name}`,
    fn: async () => {
      const existing = await proxmox.findVm(vm.name);
      if (existing !== undefined) {
        ctx.logger.info(
          `VM ${vm.name} exists already as ${existing} on ${host.name}; not cloning again`,
        );
        return existing;
      }
      const newid = await proxmox.nextVmid();
      ctx.logger.info(
        `Cloning template ${vm.templateVmid} to VM ${newid} (${vm.name}) on ${host.name}`,
      );
      const upid = await proxmox.clone(
        vm.templateVmid,
        newid,
        vm.name,
        vm.storage,
      );
      await proxmox.waitForTask(
        upid,
        `cloning template ${vm.templateVmid}`,
        ctx.signal,
      );
      return newid;
    },
  });
}

/** Cloud-init user, keys and address, and the VM's cores, memory and tags. */
async function configureVm(
  ctx: ProvisioningContext,
  proxmox: ProxmoxClient,
  host: ProxmoxHost,
  vm: ProxmoxVmRequest,
  vmid: number,
  { cluster, network, address }: NodePlacement,
) {
  const prefix = network.cidr.split('/')[1];
  await ctx.checkpoint({
    key: `homelab-proxmox-configure-${host.name}-${vmid}`,
    fn: async () => {
      await proxmox.configure(vmid, {
        ciuser: vm.ciuser,
        sshKeys: vm.sshKeys,
        ipConfig: address
          ? `ip=${address}/${prefix}${
              network.gateway ? `,gw=${network.gateway}` : ''
            }`
          : 'ip=dhcp',
        cores: vm.cores,
        memoryMB: Math.round(vm.memoryGB * 1024),
        tags: ['homelab', cluster.name, ...vm.tags],
      });
    },
  });
}

async function startVm(
  ctx: ProvisioningContext,
  proxmox: ProxmoxClient,
  host: ProxmoxHost,
  vmid: number,
) {
  await ctx.checkpoint({
    key: `homelab-proxmox-start-${host.name}-${vmid}`,
    fn: async () => {
      if (await proxmox.isRunning(vmid)) return;
      ctx.logger.info(`Starting VM ${vmid}`);
      await proxmox.waitForTask(
        await proxmox.start(vmid),
        `starting VM ${vmid}`,
        ctx.signal,
      );
    },
  });
}

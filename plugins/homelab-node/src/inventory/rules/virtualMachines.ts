import {
  Amount,
  DEFAULT_OVERCOMMIT,
  Device,
  amountBounds,
  decimalText,
} from '@homelab/plugin-homelab-common';
import { RuleContext } from './context';

/** Architectures a host runs natively, per host architecture. */
const NATIVE: Record<string, string[]> = {
  amd64: ['amd64'],
  arm64: ['arm64', 'armv7'],
  armv7: ['armv7'],
  riscv64: ['riscv64'],
};

/** What a host offers its VMs: logical CPUs and memory, where stated. */
function hostCapacity(host: Device) {
  return {
    cpus: host.cpu?.threads ?? host.cpu?.cores,
    memoryGB:
      host.memoryGB === undefined ? undefined : amountBounds(host.memoryGB),
  };
}

const text = (value: Amount) => {
  const { min, max } = amountBounds(value);
  return min === max
    ? decimalText(min)
    : `${decimalText(min)}-${decimalText(max)}`;
};

/** A VM's architecture must be one its host runs natively; anything else is full emulation. */
function checkArchitecture(context: RuleContext, vm: Device, host: Device) {
  if (!vm.architecture || !host.architecture) return;
  if (NATIVE[host.architecture]?.includes(vm.architecture)) return;
  context.warning(
    vm,
    ['architecture'],
    'vm-architecture',
    `an ${vm.architecture} virtual machine on "${host.name}", an ${host.architecture} host, runs only under full CPU emulation, many times slower; check the architecture of the VM or of its host`,
  );
}

/** One VM cannot have more than its host: Proxmox refuses to start it. */
function checkFits(context: RuleContext, vm: Device, host: Device) {
  const capacity = hostCapacity(host);
  if (vm.vcpus !== undefined && capacity.cpus !== undefined) {
    if (amountBounds(vm.vcpus).min > capacity.cpus) {
      context.error(
        vm,
        ['vcpus'],
        'vm-exceeds-host',
        `${text(vm.vcpus)} vCPUs, but its host "${host.name}" has ${
          capacity.cpus
        } CPUs; a VM cannot have more vCPUs than its host has logical CPUs`,
      );
    }
  }
  if (vm.memoryGB !== undefined && capacity.memoryGB !== undefined) {
    if (amountBounds(vm.memoryGB).min > capacity.memoryGB.max) {
      context.error(
        vm,
        ['memoryGB'],
        'vm-exceeds-host',
        `${text(vm.memoryGB)} GB of memory, but its host "${
          host.name
        }" has ${text(host.memoryGB!)} GB; the VM cannot start`,
      );
    }
  }
}

/**
 * The VMs of a host together may over-commit it up to the host's (or the
 * site's) ratios; beyond, a warning. Counts the VMs that are active or
 * planned, each at the top of its range, against the host's least.
 */
function checkOvercommit(context: RuleContext, host: Device, vms: Device[]) {
  const ratios = {
    ...DEFAULT_OVERCOMMIT,
    ...context.inventory.site.overcommit,
    ...host.overcommit,
  };
  const capacity = hostCapacity(host);
  const counted = vms.filter(
    vm => vm.status === 'active' || vm.status === 'planned',
  );
  const sum = (amounts: Array<Amount | undefined>) =>
    amounts.reduce<number>(
      (total, value) =>
        total + (value === undefined ? 0 : amountBounds(value).max),
      0,
    );
  const vcpus = sum(counted.map(vm => vm.vcpus));
  if (capacity.cpus !== undefined && vcpus > capacity.cpus * ratios.cpu) {
    context.warning(
      host,
      ['cpu'],
      'host-overcommitted',
      `its ${
        counted.length
      } active and planned VMs have up to ${vcpus} vCPUs, ${decimalText(
        vcpus / capacity.cpus,
      )} per CPU of its ${capacity.cpus}, above the over-commit ratio ${
        ratios.cpu
      } (set overcommit.cpu on the host or the site to allow more)`,
    );
  }
  const memory = sum(counted.map(vm => vm.memoryGB));
  if (
    capacity.memoryGB !== undefined &&
    memory > capacity.memoryGB.min * ratios.memory
  ) {
    context.warning(
      host,
      ['memoryGB'],
      'host-overcommitted',
      `its ${counted.length} active and planned VMs have up to ${decimalText(
        memory,
      )} GB of memory, more than ${ratios.memory}x its ${decimalText(
        capacity.memoryGB.min,
      )} GB (set overcommit.memory on the host or the site to allow more)`,
    );
  }
}

/** Virtual machines against their hosts: architecture, size, and over-commit. */
export function checkVirtualMachines(context: RuleContext) {
  const byHost = new Map<Device, Device[]>();
  for (const device of context.inventory.devices) {
    if (
      device.vcpus !== undefined &&
      !['virtual-machine', 'unknown'].includes(device.kind)
    ) {
      context.error(
        device,
        ['vcpus'],
        'field-not-for-kind',
        `"vcpus" is for virtual machines; a ${device.kind} states its physical cores in cpu.cores`,
      );
    }
    if (device.kind !== 'virtual-machine' || !device.host) continue;
    const host = context.index.devices.get(device.host);
    if (!host || device.status === 'retired') continue;
    checkArchitecture(context, device, host);
    checkFits(context, device, host);
    const vms = byHost.get(host) ?? [];
    vms.push(device);
    byHost.set(host, vms);
  }
  for (const [host, vms] of byHost) checkOvercommit(context, host, vms);
}

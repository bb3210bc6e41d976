import { Device, amountBounds } from '@homelab/plugin-homelab-common';

/** A total that may be a range, when some of what it adds up is. */
export interface RangeTotal {
  min: number;
  max: number;
}

/** What a set of devices adds up to, and how many of them state nothing to add. */
export interface HardwareTotals {
  devices: number;
  /** Physical cores of the machines that state them. */
  cores: number;
  /** Machines (not virtual machines) that do not state their cores. */
  withoutCores: number;
  /** vCPUs of the virtual machines, apart from physical cores. */
  vcpus: RangeTotal;
  /** Virtual machines among the devices. */
  virtualMachines: number;
  memoryGB: RangeTotal;
  /** Devices that do not state their memory. */
  withoutMemory: number;
  npuTops: number;
  /** Typical draw of the devices that state one. */
  typicalW: number;
  typicalCount: number;
  /** Peak draw of the devices that state one. */
  maxW: number;
  maxCount: number;
  /** Devices that state no power draw at all. */
  withoutPower: number;
}

function add(total: RangeTotal, value: Parameters<typeof amountBounds>[0]) {
  const { min, max } = amountBounds(value);
  total.min += min;
  total.max += max;
}

/**
 * Sums cores, vCPUs, memory, NPU TOPS and power over devices. Physical cores
 * and vCPUs are kept apart; ranges add up to ranges.
 */
export function hardwareTotals(devices: Device[]): HardwareTotals {
  const totals: HardwareTotals = {
    devices: devices.length,
    cores: 0,
    withoutCores: 0,
    vcpus: { min: 0, max: 0 },
    virtualMachines: 0,
    memoryGB: { min: 0, max: 0 },
    withoutMemory: 0,
    npuTops: 0,
    typicalW: 0,
    typicalCount: 0,
    maxW: 0,
    maxCount: 0,
    withoutPower: 0,
  };
  for (const device of devices) {
    if (device.kind === 'virtual-machine') {
      totals.virtualMachines += 1;
      if (device.vcpus !== undefined) add(totals.vcpus, device.vcpus);
    } else if (device.cpu?.cores) {
      totals.cores += device.cpu.cores;
    } else {
      totals.withoutCores += 1;
    }
    if (device.memoryGB !== undefined) add(totals.memoryGB, device.memoryGB);
    else totals.withoutMemory += 1;
    for (const accelerator of device.accelerators ?? []) {
      if (accelerator.type === 'npu')
        totals.npuTops += (accelerator.tops ?? 0) * accelerator.count;
    }
    const { typicalW, maxW } = device.power ?? {};
    if (typicalW) {
      totals.typicalW += typicalW;
      totals.typicalCount += 1;
    }
    if (maxW) {
      totals.maxW += maxW;
      totals.maxCount += 1;
    }
    if (!typicalW && !maxW) totals.withoutPower += 1;
  }
  return totals;
}

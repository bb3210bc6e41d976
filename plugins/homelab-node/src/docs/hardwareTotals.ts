import { Device } from '@homelab/plugin-homelab-common';

/** What a set of devices adds up to. */
export interface HardwareTotals {
  devices: number;
  cores: number;
  memoryGB: number;
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

/** Sums cores, memory, NPU TOPS and power over devices. */
export function hardwareTotals(devices: Device[]): HardwareTotals {
  const totals: HardwareTotals = {
    devices: devices.length,
    cores: 0,
    memoryGB: 0,
    npuTops: 0,
    typicalW: 0,
    typicalCount: 0,
    maxW: 0,
    maxCount: 0,
    withoutPower: 0,
  };
  for (const device of devices) {
    totals.cores += device.cpu?.cores ?? 0;
    totals.memoryGB += device.memoryGB ?? 0;
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

import { Amount, Device, Disk, NetworkInterface } from '../inventory/schema';

/*
 * How hardware facts read, in the generated docs and the portal alike, in the
 * style of hand-written homelab architecture documents: "4-core ARM64 @
 * 1.8GHz", "8GB LPDDR4", "256GB microSD + 1TB USB SSD", "Gigabit Ethernet".
 */

const DISK_MEDIA: Record<Disk['type'], string> = {
  nvme: 'NVMe',
  ssd: 'SSD',
  hdd: 'HDD',
  sd: 'SD card',
  emmc: 'eMMC',
  'usb-ssd': 'USB SSD',
  'usb-hdd': 'USB HDD',
  unknown: 'disk',
};

/** Operating systems built to be immutable, which the docs say so of. */
const IMMUTABLE_OSES = new Set([
  'Talos Linux',
  'Flatcar Container Linux',
  'Fedora CoreOS',
  'Bottlerocket',
]);

/** A number without trailing zeros: 1.5, 32, 0.25.
 *
 * @public
 */
export const decimalText = (value: number) => String(Number(value.toFixed(2)));

/** The lower and upper bound of an amount; both the number itself when it is one.
 *
 * @public
 */
export function amountBounds(value: Amount): { min: number; max: number } {
  return typeof value === 'number' ? { min: value, max: value } : value;
}

/** An amount as text: "8GB", or a range "8–16GB" with the unit written once.
 *
 * @public
 */
export function amountText(
  value: Amount,
  format: (n: number) => string = decimalText,
): string {
  const { min, max } = amountBounds(value);
  if (min === max) return format(min);
  const low = format(min);
  const high = format(max);
  // "8–16GB", not "8GB–16GB"; different units stay: "500GB–1TB".
  const unit = /[^\d.]+$/.exec(high)?.[0] ?? '';
  return low.endsWith(unit) && unit
    ? `${low.slice(0, -unit.length)}–${high}`
    : `${low}–${high}`;
}

/** Gigabytes as a size: 256GB, 1TB, 12TB; decimalText prefixes, as disks are sold.
 *
 * @public
 */
export function sizeText(gigabytes: number): string {
  return gigabytes >= 1000 && gigabytes % 100 === 0
    ? `${decimalText(gigabytes / 1000)}TB`
    : `${decimalText(gigabytes)}GB`;
}

/** The medium of a disk: its one-word description ("microSD") or its type.
 *
 * @public
 */
export function diskMedium(disk: Disk): string {
  return disk.description && /^[\w.-]+$/.test(disk.description)
    ? disk.description
    : DISK_MEDIA[disk.type];
}

/** One disk entry: "1TB NVMe", "5x 12TB HDD".
 *
 * @public
 */
export function diskText(disk: Disk): string {
  const count = disk.count > 1 ? `${disk.count}x ` : '';
  const capacity = disk.sizeGB ? `${amountText(disk.sizeGB, sizeText)} ` : '';
  return `${count}${capacity}${diskMedium(disk)}`;
}

/** All disks of a device: "256GB microSD + 1TB USB SSD".
 *
 * @public
 */
export function disksText(disks: Disk[] | undefined): string | undefined {
  return disks?.length ? disks.map(diskText).join(' + ') : undefined;
}

/** "ARM64", "AMD64".
 *
 * @public
 */
export function architectureText(
  device: Partial<Pick<Device, 'architecture'>>,
): string | undefined {
  return device.architecture?.toUpperCase();
}

/** "4-core ARM64 \@ 1.8GHz"; for a virtual machine "4 vCPUs AMD64".
 *
 * @public
 */
export function cpuText(
  device: Partial<Pick<Device, 'architecture' | 'cpu' | 'vcpus'>>,
): string | undefined {
  const arch = architectureText(device);
  if (device.vcpus !== undefined) {
    const count = amountText(device.vcpus);
    return [`${count} vCPU${count === '1' ? '' : 's'}`, arch]
      .filter(Boolean)
      .join(' ');
  }
  if (!device.cpu) return arch;
  return (
    [
      device.cpu.cores ? `${device.cpu.cores}-core` : undefined,
      arch,
      device.cpu.clockGHz
        ? `@ ${decimalText(device.cpu.clockGHz)}GHz`
        : undefined,
    ]
      .filter(Boolean)
      .join(' ') || undefined
  );
}

/** "8GB LPDDR4".
 *
 * @public
 */
export function memoryText(
  device: Partial<Pick<Device, 'memoryGB' | 'memoryType'>>,
): string | undefined {
  if (!device.memoryGB) return undefined;
  return `${amountText(device.memoryGB, n => `${decimalText(n)}GB`)}${
    device.memoryType ? ` ${device.memoryType}` : ''
  }`;
}

/** "Gigabit Ethernet", "10 Gigabit Ethernet", "Ethernet".
 *
 * @public
 */
export function linkSpeedText(speedGbps: number | undefined): string {
  if (!speedGbps) return 'Ethernet';
  return speedGbps === 1
    ? 'Gigabit Ethernet'
    : `${decimalText(speedGbps)} Gigabit Ethernet`;
}

/** The fastest interface of a device, as its network.
 *
 * @public
 */
export function networkText(
  device: Partial<Pick<Device, 'interfaces'>>,
): string | undefined {
  const interfaces: NetworkInterface[] = device.interfaces ?? [];
  if (!interfaces.length) return undefined;
  const fastest = Math.max(0, ...interfaces.map(i => i.speedGbps ?? 0));
  return linkSpeedText(fastest || undefined);
}

/** "Talos Linux (immutable)", "Ubuntu 22.04 LTS".
 *
 * @public
 */
export function osText(
  os: { name: string; version?: string } | undefined,
): string | undefined {
  if (!os) return undefined;
  return `${os.name}${os.version ? ` ${os.version}` : ''}${
    IMMUTABLE_OSES.has(os.name) ? ' (immutable)' : ''
  }`;
}

/** Accelerators: "6 TOPS NPU".
 *
 * @public
 */
export function acceleratorText(
  device: Partial<Pick<Device, 'accelerators'>>,
): string | undefined {
  const parts = (device.accelerators ?? []).map(a => {
    const count = a.count > 1 ? `${a.count}x ` : '';
    const tops = a.tops ? `${decimalText(a.tops)} TOPS ` : '';
    return `${count}${tops}${a.type.toUpperCase()}${
      a.model ? ` (${a.model})` : ''
    }`;
  });
  return parts.length ? parts.join(', ') : undefined;
}

/** Power draw: "~5W", "up to 15W", "~5W, idle 3W, up to 10W".
 *
 * @public
 */
export function powerText(
  device: Partial<Pick<Device, 'power'>>,
): string | undefined {
  const { typicalW, idleW, maxW } = device.power ?? {};
  const parts = [
    typicalW ? `~${decimalText(typicalW)}W` : undefined,
    idleW ? `idle ${decimalText(idleW)}W` : undefined,
    maxW ? `up to ${decimalText(maxW)}W` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

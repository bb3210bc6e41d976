import {
  amountText,
  architectureText,
  Cluster,
  cpuText,
  decimalText,
  Device,
  disksText,
  diskText,
  memoryText,
  networkText,
  osText,
} from '@homelab/plugin-homelab-common';
import { DocsContext } from './docsContext';

/** The same text for every item, or undefined when they differ. */
function shared<T>(
  items: T[],
  text: (item: T) => string | undefined,
): string | undefined {
  const texts = new Set(items.map(text));
  return texts.size === 1 ? [...texts][0] : undefined;
}

/** "1TB NVMe" of the data disks, when every node has the same. */
function dataDisks(devices: Device[]): string | undefined {
  return shared(devices, device => {
    const data = (device.disks ?? []).filter(
      disk => disk.role === 'data' || disk.role === undefined,
    );
    return data.length ? data.map(diskText).join(' + ') : undefined;
  });
}

/**
 * A cluster's hardware as "Component | Specification" rows, the way a
 * homelab's architecture document summarises it: a board of identical
 * modules ("Board", "Modules", then what every node has), a single machine
 * ("Device", "CPU", "RAM", ...), or one row per machine otherwise.
 */
export function clusterHardwareRows(
  cluster: Cluster,
  context: DocsContext,
): Array<[string, string | undefined]> {
  const devices = context.devicesOf(cluster);
  const boards = new Set(devices.map(device => device.slot?.board));
  const board =
    boards.size === 1 && devices[0]?.slot
      ? context.device(devices[0].slot.board)
      : undefined;
  const model = shared(devices, device => device.model);

  if (board && model && devices.length > 1) {
    const first = devices[0];
    const speed = shared(devices, networkText);
    return [
      [
        'Board',
        `${board.model ?? context.titleOf(board)}${
          board.slots ? ` (${board.slots}-slot carrier)` : ''
        }`,
      ],
      [
        'Modules',
        `${devices.length}x ${model} (${[
          architectureText(first),
          first.cpu?.cores ? `${first.cpu.cores}-core` : undefined,
          first.memoryGB
            ? `${amountText(first.memoryGB, n => `${decimalText(n)}GB`)} RAM`
            : undefined,
        ]
          .filter(Boolean)
          .join(', ')})`,
      ],
      ['Storage', perNode(dataDisks(devices))],
      ['Network', perNode(speed)],
      [
        'OS',
        shared(devices, device => osText(device.os)) ?? osText(cluster.os),
      ],
    ];
  }
  if (devices.length === 1) {
    const [device] = devices;
    return [
      ['Device', context.titleOf(device)],
      ['CPU', cpuText(device)],
      ['RAM', memoryText(device)],
      ['Storage', disksText(device.disks)],
      ['Network', networkText(device)],
      ['OS', osText(device.os) ?? osText(cluster.os)],
    ];
  }
  return devices.map(device => [
    context.titleOf(device),
    [cpuText(device), memoryText(device), disksText(device.disks)]
      .filter(Boolean)
      .join(', ') || undefined,
  ]);
}

function perNode(text: string | undefined): string | undefined {
  return text ? `${text} per node` : undefined;
}

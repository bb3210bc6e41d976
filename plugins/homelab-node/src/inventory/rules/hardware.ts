import { Device } from '@homelab/plugin-homelab-common';
import { RuleContext } from './context';

/** Board slots, virtual machines and the fields that only fit some kinds of device. */
export function checkHardware(context: RuleContext) {
  const occupied = new Map<string, Device>();

  for (const device of context.inventory.devices) {
    if (device.slot) {
      const board = context.index.devices.get(device.slot.board);
      if (device.kind !== 'compute-module') {
        context.warning(
          device,
          ['slot'],
          'slot-on-non-module',
          `a ${device.kind} usually does not sit in a board slot; is kind "compute-module" meant?`,
        );
      }
      if (board?.kind === 'board') {
        if (board.slots === undefined) {
          context.error(
            device,
            ['slot', 'board'],
            'slot-unknown-count',
            `board "${board.name}" does not say how many slots it has; add "slots" to it`,
          );
        } else if (device.slot.number > board.slots) {
          context.error(
            device,
            ['slot', 'number'],
            'slot-out-of-range',
            `board "${board.name}" has ${board.slots} slots; there is no slot ${device.slot.number}`,
          );
        }
        const key = `${board.name}#${device.slot.number}`;
        const holder = occupied.get(key);
        if (
          holder &&
          device.status !== 'planned' &&
          holder.status !== 'planned'
        ) {
          context.error(
            device,
            ['slot'],
            'slot-double-booked',
            `slot ${device.slot.number} of "${
              board.name
            }" is already taken by "${holder.name}" (${context.where(holder)})`,
          );
        } else if (!holder) {
          occupied.set(key, device);
        }
      }
    }

    if (device.kind === 'virtual-machine' && !device.host) {
      context.error(
        device,
        [],
        'vm-without-host',
        'a virtual machine needs "host": the server it runs on',
      );
    }
    if (device.kind !== 'virtual-machine') {
      for (const field of ['host', 'vmid'] as const) {
        if (device[field] !== undefined) {
          context.error(
            device,
            [field],
            'field-not-for-kind',
            `"${field}" is for virtual machines; this device is a ${device.kind}`,
          );
        }
      }
    }
    if (device.slots !== undefined && device.kind !== 'board') {
      context.error(
        device,
        ['slots'],
        'field-not-for-kind',
        `"slots" is for boards; this device is a ${device.kind}`,
      );
    }
  }
}

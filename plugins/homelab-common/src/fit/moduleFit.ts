import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { getHomelabSpec } from '../entities/homelabSpecAccess';
import { HOMELAB_RESOURCE_TYPES } from '../entities/model';
import { wattsText } from './fitText';
import { FitCheck, FitVerdict, fitVerdict } from './fitVerdict';

/**
 * A module in a board's slot, with the draw the inventory gives it.
 *
 * @public
 */
export interface BoardModule {
  /** Its entity name. */
  name: string;
  /** The slot it sits in. */
  slot: number;
  /** Its peak draw (power.maxW), else its typical draw; absent when neither is stated. */
  watts?: number;
  /** Which figure `watts` is. */
  wattsFrom?: 'maxW' | 'typicalW';
}

/**
 * A board's slots and power budget, from the catalog.
 *
 * @public
 */
export interface BoardBudget {
  /** The board's entity name. */
  name: string;
  /** How many slots it has; absent when not stated. */
  slots?: number;
  /** What its power supply delivers (power.supplyW); absent when not stated. */
  supplyW?: number;
  /** The board's own draw (BMC, switch), its maxW else typicalW; 0 when not stated. */
  boardWatts: number;
  /** The modules in its slots, retired ones left out. */
  modules: BoardModule[];
}

type DevicePower = { maxW?: number; typicalW?: number };

const drawOf = (power: DevicePower | undefined) => {
  if (power?.maxW !== undefined) {
    return { watts: power.maxW, wattsFrom: 'maxW' as const };
  }
  if (power?.typicalW !== undefined) {
    return { watts: power.typicalW, wattsFrom: 'typicalW' as const };
  }
  return {};
};

/**
 * A board's budget from its entity and the device entities of the catalog:
 * the modules are the devices whose slot names this board.
 *
 * @public
 */
export function boardBudget(board: Entity, devices: Entity[]): BoardBudget {
  type Device = typeof HOMELAB_RESOURCE_TYPES.device;
  const spec = getHomelabSpec<Device>(board);
  const ref = stringifyEntityRef(board);
  const modules = devices.flatMap(device => {
    const { slot, status, power } = getHomelabSpec<Device>(device);
    if (!slot || slot.board !== ref || status === 'retired') return [];
    return [
      { name: device.metadata.name, slot: slot.number, ...drawOf(power) },
    ];
  });
  return {
    name: board.metadata.name,
    slots: spec.slots,
    supplyW: spec.power?.supplyW,
    boardWatts: drawOf(spec.power).watts ?? 0,
    modules: modules.sort((a, b) => a.slot - b.slot),
  };
}

function slotCheck(board: BoardBudget, slot: number): FitCheck {
  const what = 'Slot';
  const holder = board.modules.find(module => module.slot === slot);
  if (holder) {
    return {
      what,
      state: 'does-not-fit',
      reason: `slot ${slot} of ${board.name} holds ${holder.name}`,
    };
  }
  if (board.slots === undefined) {
    return {
      what,
      state: 'unknown',
      reason: `the inventory does not say how many slots ${board.name} has`,
    };
  }
  if (slot < 1 || slot > board.slots) {
    return {
      what,
      state: 'does-not-fit',
      reason: `${board.name} has slots 1 to ${board.slots}`,
    };
  }
  return {
    what,
    state: 'fits',
    reason: `slot ${slot} of ${board.name} is free`,
  };
}

/**
 * Whether a board's supply carries one more module: its own draw and its
 * modules' with one more like the hungriest of them, against the power
 * supply; unknown when the supply or a module's draw is not stated.
 *
 * @public
 */
export function boardPowerFit(board: BoardBudget): FitCheck {
  const what = 'Power';
  if (board.supplyW === undefined) {
    return {
      what,
      state: 'unknown',
      reason: `the inventory states no power supply for ${board.name} (power.supplyW)`,
    };
  }
  const unstated = board.modules.filter(module => module.watts === undefined);
  if (unstated.length || !board.modules.length) {
    return {
      what,
      state: 'unknown',
      reason: unstated.length
        ? `the inventory states no draw for ${unstated
            .map(module => module.name)
            .join(', ')}`
        : `no module on ${board.name} states a draw to go by`,
    };
  }
  const draws = board.modules.map(module => module.watts!);
  const like = board.modules.reduce((a, b) => (b.watts! > a.watts! ? b : a));
  const total =
    board.boardWatts + draws.reduce((sum, w) => sum + w, 0) + like.watts!;
  const basis = board.modules.some(module => module.wattsFrom === 'typicalW')
    ? 'typical draws, peaks run higher'
    : 'peak draws';
  const figures = `${wattsText(total)} with a module like ${
    like.name
  } (${basis}) on a ${wattsText(board.supplyW)} supply`;
  return total <= board.supplyW
    ? { what, state: 'fits', reason: figures }
    : { what, state: 'does-not-fit', reason: `${figures}: too much` };
}

/**
 * Whether a new module fits a board's slot: the slot exists and is free,
 * and the board's supply carries one more module like those it has.
 *
 * @public
 */
export function moduleFit(board: BoardBudget, slot: number): FitVerdict {
  return fitVerdict([slotCheck(board, slot), boardPowerFit(board)]);
}

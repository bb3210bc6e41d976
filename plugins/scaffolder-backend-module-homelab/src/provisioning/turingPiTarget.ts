import { InputError } from '@backstage/errors';
import { TuringPiHost } from './provisioningHosts';
import { ProvisioningTarget } from './ProvisioningTarget';
import { PowerAction, TuringPiClient } from './TuringPiClient';

/** The slot a template asks a Turing Pi 2 board for. */
interface TuringPiSlotRequest {
  /** The node's name: its compute module's. */
  name: string;
  slot: number;
  /** A configured image to flash first; the module's own system when absent. */
  image?: string;
  power: PowerAction;
}

/**
 * A compute module in a slot of a configured Turing Pi 2 board, optionally
 * flashed with a configured image, then powered. An image the board has no
 * configuration for is refused before anything is read or touched.
 */
export function turingPiTarget(
  board: TuringPiHost,
  request: TuringPiSlotRequest,
  pollIntervalMs?: number,
): ProvisioningTarget {
  const { name, slot, image, power } = request;
  if (image && !board.images[image]) {
    throw new InputError(
      `No image named "${image}" is configured for ${board.name}; configured: ${
        Object.keys(board.images).join(', ') || 'none'
      }`,
    );
  }
  return {
    inventoryDevice(interfaces) {
      return {
        name,
        kind: 'compute-module',
        architecture: 'arm64',
        slot: { board: board.name, number: slot },
        interfaces,
      };
    },
    async provision(ctx) {
      const bmc = new TuringPiClient(board, pollIntervalMs);
      if (image) {
        await ctx.checkpoint({
          key: `homelab-turingpi-flash-${board.name}-${slot}-${image}`,
          fn: async () => {
            ctx.logger.info(
              `Flashing ${image} onto slot ${slot} of ${board.name}`,
            );
            await bmc.power(slot, 'off');
            await bmc.flash(slot, image, ctx.signal);
          },
        });
      }
      await ctx.checkpoint({
        key: `homelab-turingpi-power-${board.name}-${slot}-${power}`,
        fn: async () => {
          ctx.logger.info(`Power ${power} slot ${slot} of ${board.name}`);
          await bmc.power(slot, power);
        },
      });
      return {};
    },
  };
}

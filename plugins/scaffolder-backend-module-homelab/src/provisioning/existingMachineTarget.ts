import { ProvisioningTarget } from './ProvisioningTarget';

/** A machine that already runs, as a template describes it. */
interface ExistingMachine {
  /** The node's name: its device's. */
  name: string;
  kind: 'compute-module' | 'sbc' | 'server' | 'workstation';
  architecture: 'arm64' | 'amd64';
  /** The board slot a compute module sits in. */
  slot?: { board: string; number: number };
}

/**
 * A machine that runs already, installed by hand or by another tool: it is
 * added to the inventory with its join configuration, and nothing is
 * contacted, so no provisioning host needs to be configured.
 */
export function existingMachineTarget(
  machine: ExistingMachine,
): ProvisioningTarget {
  return {
    inventoryDevice(interfaces) {
      return {
        name: machine.name,
        kind: machine.kind,
        architecture: machine.architecture,
        ...(machine.slot ? { slot: machine.slot } : {}),
        interfaces,
      };
    },
    async provision(ctx) {
      ctx.logger.info(
        `${machine.name} runs already: nothing is contacted; it is added to the inventory with its join configuration`,
      );
      return {};
    },
  };
}

import { PermissionsService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  homelabNodeProvisionPermission,
  Inventory,
} from '@homelab/plugin-homelab-common';
import {
  formatProblem,
  readInventoryFromPath,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import { editInventory } from '../inventory/editInventory';
import { nodeAddition } from '../inventory/nodeAddition';
import { resolveInside } from '../paths/resolveInside';
import { joinConfig } from '../provisioning/joinConfig';
import { pickHost, ProvisioningHosts } from '../provisioning/provisioningHosts';
import { ProvisioningTarget } from '../provisioning/ProvisioningTarget';
import { existingMachineTarget } from '../provisioning/existingMachineTarget';
import { proxmoxTarget } from '../provisioning/proxmoxTarget';
import { turingPiTarget } from '../provisioning/turingPiTarget';
import { writeWorkspaceFiles } from '../workspace/workspaceFiles';
import { nodeProvisionExamples } from './nodeProvisionAction.examples';
import { withInputDefaults } from './nodeProvisionInput';
import {
  nodeProvisionInputs,
  nodeProvisionOutputs,
} from './nodeProvisionSchema';
import { requirePermission } from './requirePermission';

/**
 * homelab:node:provision — brings up a node on an operator-configured host
 * (a Proxmox VE clone with cloud-init, or a Turing Pi 2 slot powered and
 * optionally flashed), writes its join configuration, and adds it to the
 * inventory. The inventory change is validated before any machine is
 * touched.
 */
export function createNodeProvisionAction(options: {
  hosts: ProvisioningHosts;
  permissions: PermissionsService;
  /** Milliseconds between task polls; tests shorten it. */
  pollIntervalMs?: number;
}) {
  return createTemplateAction({
    id: 'homelab:node:provision',
    description:
      'Provisions a Kubernetes node on a configured Proxmox VE server or Turing Pi 2 board (or takes a machine that runs already), writes its Talos or k3s join configuration and adds it to the inventory.',
    examples: nodeProvisionExamples,
    supportsDryRun: true,
    schema: { input: nodeProvisionInputs, output: nodeProvisionOutputs },
    async handler(ctx) {
      const input = withInputDefaults(ctx.input);
      if (
        [input.proxmox, input.turingPi, input.existing].filter(Boolean)
          .length !== 1
      ) {
        throw new InputError(
          'Give exactly one of proxmox, turingPi and existing',
        );
      }
      await requirePermission(
        options.permissions,
        ctx,
        homelabNodeProvisionPermission,
        'provision nodes',
      );
      const target = provisioningTarget(input, options);

      const inventory = await readValidInventory(
        ctx.workspacePath,
        input.inventoryPath,
      );
      const cluster = findByName(inventory.clusters, input.cluster, 'cluster');
      const network = findByName(inventory.networks, input.network, 'network');
      const join = joinConfig(cluster, {
        hostname: input.name,
        address: input.address,
        roles: input.roles,
        installDisk: input.installDisk,
        installImage: input.installImage,
      });
      const device = target.inventoryDevice(
        [
          {
            network: input.network,
            ...(input.address ? { address: input.address } : {}),
          },
        ],
        inventory.devices.find(d => d.name === input.name),
      );
      const newNode = {
        cluster: cluster.name,
        roles: input.roles,
        network,
        address: input.address,
      };
      const planned = nodeAddition({ ...newNode, device });
      if (planned.takenReservation) {
        ctx.logger.info(
          `${input.address} was reserved for "${planned.takenReservation.purpose}"; ${input.name} takes it and the reservation is removed`,
        );
      }
      // Refuse before touching any machine if the inventory would not take the node.
      await editInventory(
        ctx.workspacePath,
        input.inventoryPath,
        planned.additions,
        { dryRun: true, removals: planned.removals },
      );
      if (ctx.isDryRun) {
        ctx.output('inventoryFiles', []);
        ctx.output('joinConfigFile', join.path);
        ctx.output('instructions', join.instructions);
        return;
      }

      const { vmid } = await target.provision(ctx, {
        cluster,
        network,
        address: input.address,
      });
      if (vmid !== undefined) ctx.output('vmid', vmid);
      const written = await writeWorkspaceFiles(ctx.workspacePath, [
        { path: join.path, content: join.content },
      ]);
      const provisioned = nodeAddition({
        ...newNode,
        device: vmid === undefined ? device : { ...device, vmid },
      });
      const edit = await editInventory(
        ctx.workspacePath,
        input.inventoryPath,
        provisioned.additions,
        { removals: provisioned.removals },
      );
      ctx.logger.info(
        `Join configuration: ${[...written.created, ...written.unchanged].join(
          ', ',
        )}; then ${join.instructions}`,
      );
      ctx.output('inventoryFiles', edit.changed);
      ctx.output('joinConfigFile', join.path);
      ctx.output('instructions', join.instructions);
    },
  });
}

/** The configured host the input names, as the target to provision on. */
function provisioningTarget(
  input: ReturnType<typeof withInputDefaults>,
  options: { hosts: ProvisioningHosts; pollIntervalMs?: number },
): ProvisioningTarget {
  if (input.proxmox) {
    const host = pickHost(
      options.hosts.proxmox,
      input.proxmox.host,
      'Proxmox host',
    );
    return proxmoxTarget(
      host,
      { ...input.proxmox, name: input.name },
      options.pollIntervalMs,
    );
  }
  if (input.existing) {
    const { board, slot, ...machine } = input.existing;
    if (!board !== !slot) {
      throw new InputError('existing: give both board and slot, or neither');
    }
    return existingMachineTarget({
      ...machine,
      name: input.name,
      ...(board && slot ? { slot: { board, number: slot } } : {}),
    });
  }
  const { board, ...slot } = input.turingPi!;
  return turingPiTarget(
    pickHost(options.hosts.turingPi, board, 'Turing Pi board'),
    { ...slot, name: input.name },
    options.pollIntervalMs,
  );
}

/** The workspace's inventory, refused unless it is valid already. */
async function readValidInventory(
  workspacePath: string,
  inventoryPath: string,
): Promise<Inventory> {
  const validation = validateInventoryFiles(
    await readInventoryFromPath(
      resolveInside(
        workspacePath,
        inventoryPath,
        `inventory path ${inventoryPath} leaves the workspace`,
      ),
    ),
  );
  if (!validation.inventory) {
    throw new InputError(
      `The inventory is invalid already; fix it first:\n${validation.problems
        .map(formatProblem)
        .join('\n')}`,
    );
  }
  return validation.inventory;
}

function findByName<T extends { name: string }>(
  items: T[],
  name: string,
  what: string,
): T {
  const item = items.find(i => i.name === name);
  if (!item)
    throw new InputError(`No ${what} named "${name}" in the inventory`);
  return item;
}

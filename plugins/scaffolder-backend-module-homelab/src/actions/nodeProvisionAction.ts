import { PermissionsService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { homelabNodeProvisionPermission } from '@homelab/plugin-homelab-common';
import {
  formatProblem,
  readInventoryFromPath,
  validateInventoryFiles,
} from '@homelab/plugin-homelab-node';
import { writeWorkspaceFiles } from '../workspace/workspaceFiles';
import { resolveInside } from '../paths/resolveInside';
import {
  editInventory,
  InventoryAddition,
  InventoryRemoval,
} from '../inventory/editInventory';
import { joinConfig } from '../provisioning/joinConfig';
import { pickHost, ProvisioningHosts } from '../provisioning/provisioningHosts';
import { ProxmoxClient } from '../provisioning/ProxmoxClient';
import { TuringPiClient } from '../provisioning/TuringPiClient';
import { nodeProvisionExamples } from './nodeProvisionAction.examples';
import { requirePermission } from './requirePermission';
import { DNS_LABEL } from '../names/dnsLabel';

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
      'Provisions a Kubernetes node on a configured Proxmox VE server or Turing Pi 2 board, writes its Talos or k3s join configuration and adds it to the inventory.',
    examples: nodeProvisionExamples,
    supportsDryRun: true,
    schema: {
      input: {
        inventoryPath: z =>
          z
            .string()
            .default('inventory')
            .describe(
              'The inventory file or folder, relative to the workspace.',
            ),
        name: z =>
          z
            .string()
            .regex(DNS_LABEL)
            .describe('Name of the new device and node, like "rk1-4".'),
        cluster: z =>
          z.string().min(1).describe('The cluster it joins (inventory name).'),
        roles: z =>
          z
            .array(z.enum(['control-plane', 'worker', 'storage']))
            .min(1)
            .default(['worker'])
            .describe('Its Kubernetes roles.'),
        network: z =>
          z.string().min(1).describe('The inventory network of its address.'),
        address: z =>
          z
            .string()
            .ip({ version: 'v4' })
            .optional()
            .describe('Static IPv4 address; DHCP when omitted.'),
        installDisk: z =>
          z
            .string()
            .optional()
            .describe('Talos install disk, like /dev/nvme0n1.'),
        installImage: z =>
          z.string().optional().describe('Talos installer image.'),
        proxmox: z =>
          z
            .object({
              host: z
                .string()
                .min(1)
                .describe('A name from homelab.provisioning.proxmox.'),
              templateVmid: z
                .number()
                .int()
                .min(100)
                .describe('The template VM to clone.'),
              cores: z.number().int().min(1).max(128).default(2),
              memoryGB: z.number().min(0.5).max(1024).default(4),
              storage: z
                .string()
                .optional()
                .describe('Target storage of the full clone.'),
              ciuser: z.string().default('homelab'),
              sshKeys: z
                .array(z.string().regex(/^(ssh-|ecdsa-|sk-)/))
                .default([]),
              tags: z.array(z.string().regex(/^[a-z0-9_-]+$/)).default([]),
            })
            .optional()
            .describe('Create a VM on Proxmox VE.'),
        turingPi: z =>
          z
            .object({
              board: z
                .string()
                .min(1)
                .describe(
                  'A name from homelab.provisioning.turingPi, and the board in the inventory.',
                ),
              slot: z.number().int().min(1).max(4),
              image: z
                .string()
                .optional()
                .describe('A configured image name to flash first.'),
              power: z.enum(['on', 'off', 'reset']).default('on'),
            })
            .optional()
            .describe('Use a slot of a Turing Pi 2 board.'),
      },
      output: {
        vmid: z => z.number().optional().describe('The Proxmox VM id.'),
        inventoryFiles: z =>
          z.array(z.string()).describe('Inventory files changed.'),
        joinConfigFile: z =>
          z
            .string()
            .describe(
              'The join configuration written, relative to the workspace.',
            ),
        instructions: z =>
          z.string().describe('How to apply the join configuration.'),
      },
    },
    async handler(ctx) {
      // The scaffolder checks input against the JSON Schema but fills in no defaults.
      const input = {
        ...ctx.input,
        inventoryPath: ctx.input.inventoryPath ?? 'inventory',
        roles: ctx.input.roles ?? ['worker'],
        proxmox: ctx.input.proxmox && {
          ...ctx.input.proxmox,
          cores: ctx.input.proxmox.cores ?? 2,
          memoryGB: ctx.input.proxmox.memoryGB ?? 4,
          ciuser: ctx.input.proxmox.ciuser ?? 'homelab',
          sshKeys: ctx.input.proxmox.sshKeys ?? [],
          tags: ctx.input.proxmox.tags ?? [],
        },
        turingPi: ctx.input.turingPi && {
          ...ctx.input.turingPi,
          power: ctx.input.turingPi.power ?? 'on',
        },
      };
      if (!!input.proxmox === !!input.turingPi) {
        throw new InputError('Give exactly one of proxmox and turingPi');
      }
      await requirePermission(
        options.permissions,
        ctx,
        homelabNodeProvisionPermission,
        'provision nodes',
      );
      const proxmoxHost =
        input.proxmox &&
        pickHost(options.hosts.proxmox, input.proxmox.host, 'Proxmox host');
      const board =
        input.turingPi &&
        pickHost(
          options.hosts.turingPi,
          input.turingPi.board,
          'Turing Pi board',
        );
      if (input.turingPi?.image && !board!.images[input.turingPi.image]) {
        throw new InputError(
          `No image named "${input.turingPi.image}" is configured for ${
            board!.name
          }; configured: ${Object.keys(board!.images).join(', ') || 'none'}`,
        );
      }

      const validation = validateInventoryFiles(
        await readInventoryFromPath(
          resolveInside(
            ctx.workspacePath,
            input.inventoryPath,
            `inventory path ${input.inventoryPath} leaves the workspace`,
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
      const cluster = validation.inventory.clusters.find(
        c => c.name === input.cluster,
      );
      if (!cluster)
        throw new InputError(
          `No cluster named "${input.cluster}" in the inventory`,
        );
      const network = validation.inventory.networks.find(
        n => n.name === input.network,
      );
      if (!network)
        throw new InputError(
          `No network named "${input.network}" in the inventory`,
        );
      const join = joinConfig(cluster, {
        hostname: input.name,
        address: input.address,
        roles: input.roles,
        installDisk: input.installDisk,
        installImage: input.installImage,
      });

      const interfaces = [
        {
          network: input.network,
          ...(input.address ? { address: input.address } : {}),
        },
      ];
      const device: InventoryAddition['item'] = input.proxmox
        ? {
            name: input.name,
            kind: 'virtual-machine',
            host: input.proxmox.host,
            architecture: 'amd64',
            cpu: { cores: input.proxmox.cores },
            memoryGB: input.proxmox.memoryGB,
            interfaces,
          }
        : {
            name: input.name,
            kind: 'compute-module',
            architecture: 'arm64',
            slot: {
              board: input.turingPi!.board,
              number: input.turingPi!.slot,
            },
            interfaces,
          };
      // A rerun finds the VM it made; the inventory then already carries its id.
      const recorded = validation.inventory.devices.find(
        d => d.name === input.name,
      );
      if (input.proxmox && recorded?.vmid !== undefined)
        device.vmid = recorded.vmid;
      const node = { name: input.name, device: input.name, roles: input.roles };
      const additions = (
        item: InventoryAddition['item'],
      ): InventoryAddition[] => [
        { list: ['devices'], item },
        { list: ['clusters', cluster.name, 'nodes'], item: node },
      ];
      // An address kept for exactly this kind of addition (like "RK1 module 4
      // in slot 4") is taken by the node: the reservation goes with the edit.
      const keepsThisAddress = (r: { start?: unknown; end?: unknown }) =>
        r.start === input.address && (r.end ?? r.start) === r.start;
      const reservation = network.reserved?.find(keepsThisAddress);
      const removals: InventoryRemoval[] = reservation
        ? [
            {
              list: ['networks', network.name, 'reserved'],
              matches: keepsThisAddress,
            },
          ]
        : [];
      if (reservation) {
        ctx.logger.info(
          `${input.address} was reserved for "${reservation.purpose}"; ${input.name} takes it and the reservation is removed`,
        );
      }
      // Refuse before touching any machine if the inventory would not take the node.
      await editInventory(
        ctx.workspacePath,
        input.inventoryPath,
        additions(device),
        { dryRun: true, removals },
      );
      if (ctx.isDryRun) {
        ctx.output('inventoryFiles', []);
        ctx.output('joinConfigFile', join.path);
        ctx.output('instructions', join.instructions);
        return;
      }

      if (input.proxmox && proxmoxHost) {
        const proxmox = new ProxmoxClient(proxmoxHost, options.pollIntervalMs);
        const prefix = network.cidr.split('/')[1];
        const vmid = await ctx.checkpoint<number>({
          key: `homelab-proxmox-clone-${proxmoxHost.name}-${input.name}`,
          fn: async () => {
            const existing = await proxmox.findVm(input.name);
            if (existing !== undefined) {
              ctx.logger.info(
                `VM ${input.name} exists already as ${existing} on ${proxmoxHost.name}; not cloning again`,
              );
              return existing;
            }
            const newid = await proxmox.nextVmid();
            ctx.logger.info(
              `Cloning template ${
                input.proxmox!.templateVmid
              } to VM ${newid} (${input.name}) on ${proxmoxHost.name}`,
            );
            const upid = await proxmox.clone(
              input.proxmox!.templateVmid,
              newid,
              input.name,
              input.proxmox!.storage,
            );
            await proxmox.waitForTask(
              upid,
              `cloning template ${input.proxmox!.templateVmid}`,
              ctx.signal,
            );
            return newid;
          },
        });
        await ctx.checkpoint({
          key: `homelab-proxmox-configure-${proxmoxHost.name}-${vmid}`,
          fn: async () => {
            await proxmox.configure(vmid, {
              ciuser: input.proxmox!.ciuser,
              sshKeys: input.proxmox!.sshKeys,
              ipConfig: input.address
                ? `ip=${input.address}/${prefix}${
                    network.gateway ? `,gw=${network.gateway}` : ''
                  }`
                : 'ip=dhcp',
              cores: input.proxmox!.cores,
              memoryMB: Math.round(input.proxmox!.memoryGB * 1024),
              tags: ['homelab', cluster.name, ...input.proxmox!.tags],
            });
          },
        });
        await ctx.checkpoint({
          key: `homelab-proxmox-start-${proxmoxHost.name}-${vmid}`,
          fn: async () => {
            if (await proxmox.isRunning(vmid)) return;
            ctx.logger.info(`Starting VM ${vmid}`);
            await proxmox.waitForTask(
              await proxmox.start(vmid),
              `starting VM ${vmid}`,
              ctx.signal,
            );
          },
        });
        device.vmid = vmid;
        ctx.output('vmid', vmid);
      } else if (input.turingPi && board) {
        const bmc = new TuringPiClient(board, options.pollIntervalMs);
        const { slot, image, power } = input.turingPi;
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
      }

      const written = await writeWorkspaceFiles(ctx.workspacePath, [
        { path: join.path, content: join.content },
      ]);
      const edit = await editInventory(
        ctx.workspacePath,
        input.inventoryPath,
        additions(device),
        { removals },
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

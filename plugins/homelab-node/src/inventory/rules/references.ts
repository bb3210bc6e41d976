import { Device, DeviceKind } from '@homelab/plugin-homelab-common';
import { RuleContext } from './context';
import { expectKind, resolve } from './resolve';

const NODE_HOST_KINDS: DeviceKind[] = [
  'mini-pc',
  'compute-module',
  'sbc',
  'server',
  'nas',
  'workstation',
  'virtual-machine',
];
const VM_HOST_KINDS: DeviceKind[] = ['server', 'mini-pc', 'nas', 'workstation'];

function checkPromotionChains(context: RuleContext) {
  for (const environment of context.inventory.environments) {
    const target = environment.promotesTo;
    if (!target) continue;
    if (target === environment.name) {
      context.error(
        environment,
        ['promotesTo'],
        'promotion-cycle',
        'an environment cannot promote to itself',
      );
      continue;
    }
    if (!resolve(context, environment, ['promotesTo'], 'environments', target))
      continue;
    const seen = new Set([environment.name]);
    let current = context.index.environments.get(target);
    while (current?.promotesTo) {
      // Seen before its target is looked at, so that a later environment
      // promoting to itself reads "a -> b -> b", once.
      seen.add(current.name);
      if (seen.has(current.promotesTo)) {
        context.error(
          environment,
          ['promotesTo'],
          'promotion-cycle',
          `promotions loop: ${[...seen, current.promotesTo].join(
            ' -> ',
          )}; the last environment must promote nowhere`,
        );
        break;
      }
      current = context.index.environments.get(current.promotesTo);
    }
  }
}

/** Every reference by name in the inventory resolves, to something of the right kind. */
export function checkReferences(context: RuleContext) {
  checkPromotionChains(context);
  checkWanReferences(context);
  for (const device of context.inventory.devices) {
    checkDeviceReferences(context, device);
  }
  checkClusterReferences(context);
  checkStorageReferences(context);
}

function checkWanReferences(context: RuleContext) {
  for (const link of context.inventory.wan) {
    const router = resolve<Device>(
      context,
      link,
      ['router'],
      'devices',
      link.router,
    );
    expectKind(
      context,
      link,
      ['router'],
      router,
      ['router'],
      'the device terminating an uplink',
    );
    if (link.via) {
      const modem = resolve<Device>(
        context,
        link,
        ['via'],
        'devices',
        link.via,
      );
      expectKind(
        context,
        link,
        ['via'],
        modem,
        ['modem'],
        'the device an uplink runs through',
      );
    }
  }
}

function checkDeviceReferences(context: RuleContext, device: Device) {
  device.interfaces?.forEach((networkInterface, index) => {
    resolve(
      context,
      device,
      ['interfaces', index, 'network'],
      'networks',
      networkInterface.network,
    );
  });
  device.links?.forEach((link, index) => {
    if (link.device === device.name) {
      context.error(
        device,
        ['links', index, 'device'],
        'self-reference',
        'a device cannot be cabled to itself',
      );
      return;
    }
    resolve(
      context,
      device,
      ['links', index, 'device'],
      'devices',
      link.device,
    );
  });
  if (device.slot) {
    const board = resolve<Device>(
      context,
      device,
      ['slot', 'board'],
      'devices',
      device.slot.board,
    );
    expectKind(
      context,
      device,
      ['slot', 'board'],
      board,
      ['board'],
      'the device holding a module',
    );
  }
  if (device.host) {
    const host = resolve<Device>(
      context,
      device,
      ['host'],
      'devices',
      device.host,
    );
    expectKind(
      context,
      device,
      ['host'],
      host,
      VM_HOST_KINDS,
      'the host of a virtual machine',
    );
  }
  if (device.environment) {
    resolve(
      context,
      device,
      ['environment'],
      'environments',
      device.environment,
    );
  }
}

function checkClusterReferences(context: RuleContext) {
  for (const cluster of context.inventory.clusters) {
    resolve(
      context,
      cluster,
      ['environment'],
      'environments',
      cluster.environment,
    );
    cluster.nodes.forEach((node, index) => {
      const device = resolve<Device>(
        context,
        cluster,
        ['nodes', index, 'device'],
        'devices',
        node.device,
      );
      expectKind(
        context,
        cluster,
        ['nodes', index, 'device'],
        device,
        NODE_HOST_KINDS,
        'the device a node runs on',
      );
    });
    cluster.loadBalancerPools?.forEach((pool, index) => {
      resolve(
        context,
        cluster,
        ['loadBalancerPools', index, 'network'],
        'networks',
        pool.network,
      );
    });
  }
}

function checkStorageReferences(context: RuleContext) {
  for (const storage of context.inventory.storage) {
    if (storage.device)
      resolve(context, storage, ['device'], 'devices', storage.device);
    if (storage.cluster)
      resolve(context, storage, ['cluster'], 'clusters', storage.cluster);
    if (storage.backedBy) {
      if (storage.backedBy === storage.name) {
        context.error(
          storage,
          ['backedBy'],
          'self-reference',
          'storage cannot be backed by itself',
        );
      } else {
        resolve(context, storage, ['backedBy'], 'storage', storage.backedBy);
      }
    }
  }
}

import { Entity } from '@backstage/catalog-model';
import {
  Device,
  HOMELAB_RESOURCE_TYPES,
  Inventory,
  SharedArea,
} from '@homelab/plugin-homelab-common';
import { defined, link, mergeTags } from './entityMetadata';
import { resourceRef } from './entityRefs';
import { homelabEntity } from './inventoryEntity';
import { MappingContext } from './mappingContext';

const NETWORK_KINDS = new Set(['switch', 'router', 'access-point', 'modem']);

/**
 * The devices section: each device or virtual machine a Resource, hosted on
 * its board or host and connected to its cables' devices and its networks.
 */
export function deviceEntities(context: MappingContext): Entity[] {
  const systemOf = deviceSystems(context);
  return context.inventory.devices.map(device => {
    const {
      name,
      title,
      description,
      owner,
      tags,
      links,
      slot,
      host,
      environment,
      ...facts
    } = device;
    // A module sits in its board; a virtual machine runs on its host.
    const placement = slot?.board ?? host;
    const connectedTo = [
      ...new Set([
        ...(links ?? []).map(cable => resourceRef(cable.device)),
        ...(device.interfaces ?? []).map(networkInterface =>
          resourceRef(networkInterface.network),
        ),
      ]),
    ];
    const isVirtual = device.kind === 'virtual-machine';
    return homelabEntity(
      'Resource',
      {
        name,
        title,
        description,
        tags: mergeTags(tags, [device.architecture]),
        links: link(device.management?.url, 'Management', 'dashboard'),
        annotations: context.sourceOf(device),
      },
      {
        type: isVirtual
          ? HOMELAB_RESOURCE_TYPES.virtualMachine
          : HOMELAB_RESOURCE_TYPES.device,
        owner: owner ?? context.owner,
        system: systemOf(device),
        homelab: defined({
          ...facts,
          ...(slot && !isVirtual
            ? { slot: { board: resourceRef(slot.board), number: slot.number } }
            : {}),
          hostedOn: placement ? resourceRef(placement) : undefined,
          connectedTo: connectedTo.length ? connectedTo : undefined,
        }),
      },
    );
  });
}

/**
 * The System of each device: the environment it serves, or else the shared
 * area its kind belongs to.
 */
function deviceSystems(context: MappingContext): (device: Device) => string {
  const environmentOf = deviceEnvironments(context.inventory);
  const environments = new Set(context.inventory.environments.map(e => e.name));
  return device => {
    const environment = environmentOf(device);
    if (environment && environments.has(environment)) return environment;
    let area: SharedArea = 'compute';
    if (NETWORK_KINDS.has(device.kind)) area = 'network';
    else if (device.kind === 'nas') area = 'storage';
    return context.sharedSystem(area);
  };
}

/** The environment a device serves: stated, through the node it runs, or through its modules. */
function deviceEnvironments(
  inventory: Inventory,
): (device: Device) => string | undefined {
  const clusterOnDevice = new Map(
    inventory.clusters.flatMap(cluster =>
      cluster.nodes.map(node => [node.device, cluster] as const),
    ),
  );
  // Modules by board, found once: a search of every device per board made
  // emitting 10,000 devices take a second on its own.
  const modulesOn = new Map<string, Device[]>();
  for (const module of inventory.devices) {
    if (!module.slot) continue;
    const modules = modulesOn.get(module.slot.board) ?? [];
    modules.push(module);
    modulesOn.set(module.slot.board, modules);
  }
  const environmentOf = (device: Device): string | undefined => {
    if (device.environment) return device.environment;
    const cluster = clusterOnDevice.get(device.name);
    if (cluster) return cluster.environment;
    if (device.kind === 'board') {
      const served = new Set(
        (modulesOn.get(device.name) ?? [])
          .map(module => environmentOf(module))
          .filter(Boolean),
      );
      return served.size === 1 ? [...served][0] : undefined;
    }
    return undefined;
  };
  return environmentOf;
}

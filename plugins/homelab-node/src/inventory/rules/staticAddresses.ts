import { Device, DeviceKind, Network } from '@homelab/plugin-homelab-common';
import { addressInterval, contains, overlaps } from '../addressing';
import { PathSegment } from '../problems';
import { RuleContext } from './context';
import {
  NetworkPlan,
  STATIC_IN_RANGE,
  describeRange,
  nonHostAddress,
} from './networkPlans';

const GATEWAY_KINDS: DeviceKind[] = ['router', 'modem', 'virtual-machine'];

/** A static address of a device, and where it is written. */
export interface Assignment {
  device: Device;
  path: PathSegment[];
  address: string;
}

/** A key that is the same for every spelling of an address. */
export function addressKey(address: string): string {
  const interval = addressInterval(address);
  return `${interval.family}:${interval.first}`;
}

/** An address on its network: inside it, a host address, in no range. */
function checkAddress(
  context: RuleContext,
  assignment: Assignment,
  plan: NetworkPlan,
) {
  const { device, path, address } = assignment;
  const interval = addressInterval(address);
  const { network } = plan;
  if (!plan.interval) return;
  if (!contains(plan.interval, interval)) {
    context.error(
      device,
      path,
      'address-outside-network',
      `${address} is not inside network "${network.name}" (${network.cidr})`,
    );
    return;
  }
  const notHost = nonHostAddress(plan, interval);
  if (notHost) {
    context.error(
      device,
      path,
      'address-not-host',
      `${address} is the ${notHost} address of ${network.cidr}, not a host address`,
    );
    return;
  }
  for (const range of plan.ranges) {
    if (overlaps(range.interval, interval)) {
      const { rule, advice } = STATIC_IN_RANGE[range.kind];
      context.error(
        device,
        path,
        rule,
        `${address} is inside ${describeRange(range)}${advice}`,
      );
    }
  }
}

/** The plan of the known network an address falls in, if any. */
function planContaining(
  plans: Map<string, NetworkPlan>,
  address: string,
): NetworkPlan | undefined {
  const interval = addressInterval(address);
  return [...plans.values()].find(
    plan => plan.interval && contains(plan.interval, interval),
  );
}

/**
 * Every static address of the devices, checked against its network's plan
 * and against every other; returns who holds each address, for the rules
 * that look addresses up.
 */
export function checkStaticAddresses(
  context: RuleContext,
  plans: Map<string, NetworkPlan>,
): Map<string, Assignment> {
  const assigned = new Map<string, Assignment>();
  const claim = (assignment: Assignment) => {
    const key = addressKey(assignment.address);
    const earlier = assigned.get(key);
    if (earlier && earlier.device !== assignment.device) {
      context.error(
        assignment.device,
        assignment.path,
        'duplicate-address',
        `${assignment.address} is already assigned to device "${
          earlier.device.name
        }" (${context.where(earlier.device)})`,
      );
    } else if (!earlier) {
      assigned.set(key, assignment);
    }
  };

  for (const device of context.inventory.devices) {
    device.interfaces?.forEach((networkInterface, index) => {
      if (!networkInterface.address) return;
      const assignment = {
        device,
        path: ['interfaces', index, 'address'],
        address: networkInterface.address,
      };
      const plan = plans.get(networkInterface.network);
      if (plan) checkAddress(context, assignment, plan);
      claim(assignment);
    });
    if (device.management) {
      const { address } = device.management;
      const assignment = { device, path: ['management', 'address'], address };
      const plan = planContaining(plans, address);
      if (plan) {
        checkAddress(context, assignment, plan);
      } else if (![...plans.values()].some(p => !p.interval)) {
        context.warning(
          device,
          assignment.path,
          'address-unknown-network',
          `the management address ${address} is not inside any network of the inventory`,
        );
      }
      claim(assignment);
    }
  }
  checkGatewayHolders(context, assigned);
  return assigned;
}

/**
 * The gateway is normally an address of the router (or of a modem serving
 * its own LAN, or a firewall VM); on anything else it is likely a typo.
 */
function checkGatewayHolders(
  context: RuleContext,
  assigned: Map<string, Assignment>,
) {
  const gateways = new Map<string, Network>();
  for (const network of context.inventory.networks) {
    if (network.gateway) gateways.set(addressKey(network.gateway), network);
  }
  for (const [key, network] of gateways) {
    const holder = assigned.get(key);
    if (
      holder &&
      holder.device.kind !== 'unknown' &&
      !GATEWAY_KINDS.includes(holder.device.kind)
    ) {
      context.warning(
        holder.device,
        holder.path,
        'gateway-address',
        `${holder.address} is the gateway of network "${network.name}", but "${holder.device.name}" is a ${holder.device.kind}, not a router`,
      );
    }
  }
}

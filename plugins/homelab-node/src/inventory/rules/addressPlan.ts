import { checkClusterCidrs } from './clusterNetworks';
import { checkClusterReachability } from './clusterReachability';
import { RuleContext } from './context';
import { buildNetworkPlans } from './networkPlans';
import { checkStaticAddresses } from './staticAddresses';

/**
 * The address plan: each network with its ranges and pools, every static
 * address, the clusters' own networks, and whether API servers, layer 2
 * pools and service endpoints can be reached where the inventory says.
 */
export function checkAddressPlan(context: RuleContext) {
  const plans = buildNetworkPlans(context);
  const holders = checkStaticAddresses(context, plans);
  checkClusterCidrs(context);
  checkClusterReachability(context, plans, holders);
}

import { RuleContext } from './context';

/**
 * Control planes and etcd: at least one control-plane node; an even number of
 * them cannot outvote a split (etcd needs a majority), so it is flagged.
 * A device runs at most one node, and nodes should run on devices in service.
 */
export function checkClusters(context: RuleContext) {
  const nodeOnDevice = new Map<string, { cluster: string; node: string }>();

  for (const cluster of context.inventory.clusters) {
    const controlPlanes = cluster.nodes.filter(node =>
      node.roles.includes('control-plane'),
    );
    if (controlPlanes.length === 0) {
      context.error(
        cluster,
        ['nodes'],
        'control-plane-missing',
        'no node has the control-plane role; a cluster needs at least one to run the API server and etcd',
      );
    } else if (controlPlanes.length % 2 === 0) {
      context.warning(
        cluster,
        ['nodes'],
        'control-plane-even',
        `${
          controlPlanes.length
        } control-plane nodes give etcd no extra fault tolerance over ${
          controlPlanes.length - 1
        }; use an odd number (1, 3 or 5)`,
      );
    }

    cluster.nodes.forEach((node, index) => {
      const other = nodeOnDevice.get(node.device);
      if (other) {
        context.error(
          cluster,
          ['nodes', index, 'device'],
          'device-runs-two-nodes',
          `device "${node.device}" already runs node "${other.node}" of cluster "${other.cluster}"; one device runs one node`,
        );
      } else {
        nodeOnDevice.set(node.device, {
          cluster: cluster.name,
          node: node.name,
        });
      }
      const device = context.index.devices.get(node.device);
      // A node on a planned or optional device is planned with it.
      if (
        device &&
        (device.status === 'retired' || device.status === 'spare')
      ) {
        context.warning(
          cluster,
          ['nodes', index, 'device'],
          'node-on-inactive-device',
          `node "${node.name}" runs on "${device.name}", whose status is ${device.status}`,
        );
      }
    });

    if (cluster.apiServer?.authProvider === 'serviceAccount') {
      context.warning(
        cluster,
        ['apiServer', 'authProvider'],
        'kubernetes-auth-provider',
        "Backstage's catalog cluster locator ignores clusters with the serviceAccount auth provider; leave authProvider out and give the portal this cluster in homelab.clusters with its token (@homelab/plugin-kubernetes-backend-module-homelab)",
      );
    }
  }
}

import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_DASHBOARD_URL,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
} from '@backstage/plugin-kubernetes-common';
import { Entity } from '@backstage/catalog-model';
import {
  Cluster,
  HOMELAB_RESOURCE_TYPES,
} from '@homelab/plugin-homelab-common';
import { defined, link, mergeTags } from './entityMetadata';
import { homelabEntity } from './inventoryEntity';
import { loadBalancerPoolEntities } from './loadBalancerPoolEntities';
import { MappingContext } from './mappingContext';
import { nodeEntities } from './nodeEntities';
import { platformServiceEntities } from './platformServiceEntities';

/**
 * The clusters section: each cluster a Resource that Backstage's Kubernetes
 * plugin recognises, followed by its nodes, address pools and platform
 * services.
 */
export function clusterEntities(context: MappingContext): Entity[] {
  const devices = new Map(
    context.inventory.devices.map(device => [device.name, device]),
  );
  return context.inventory.clusters.flatMap(cluster => [
    clusterEntity(cluster, context),
    ...nodeEntities(cluster, devices, context),
    ...loadBalancerPoolEntities(cluster, context),
    ...platformServiceEntities(cluster, context),
  ]);
}

function clusterEntity(cluster: Cluster, context: MappingContext): Entity {
  const { apiServer } = cluster;
  return homelabEntity(
    'Resource',
    {
      name: cluster.name,
      title: cluster.title,
      description: cluster.description,
      tags: mergeTags(cluster.tags, [cluster.distribution]),
      links: link(apiServer?.dashboardUrl, 'Dashboard', 'dashboard'),
      // What Backstage's Kubernetes plugin reads to find the cluster.
      annotations: {
        ...context.sourceOf(cluster),
        ...(apiServer
          ? defined({
              [ANNOTATION_KUBERNETES_API_SERVER]: apiServer.url,
              [ANNOTATION_KUBERNETES_API_SERVER_CA]: apiServer.caData?.replace(
                /\s+/g,
                '',
              ),
              [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: apiServer.authProvider,
              [ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER]:
                apiServer.oidcTokenProvider,
              [ANNOTATION_KUBERNETES_DASHBOARD_URL]: apiServer.dashboardUrl,
            })
          : {}),
      },
    },
    {
      type: HOMELAB_RESOURCE_TYPES.cluster,
      owner: cluster.owner ?? context.owner,
      system: cluster.environment,
      homelab: defined({
        environment: cluster.environment,
        distribution: cluster.distribution,
        version: cluster.version,
        os: cluster.os,
        cni: cluster.cni,
        podCidr: cluster.podCidr,
        serviceCidr: cluster.serviceCidr,
        domain: cluster.domain,
        apiServerUrl: apiServer?.url,
        capacityTargets: cluster.capacityTargets,
        controlPlaneNodes: cluster.nodes.filter(node =>
          node.roles.includes('control-plane'),
        ).length,
        nodeCount: cluster.nodes.length,
      }),
    },
  );
}

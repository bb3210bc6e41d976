import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { kubernetesClusterSupplierExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { HomelabClusterSupplier } from './HomelabClusterSupplier';
import { withOtherClusters } from './withOtherClusters';

/**
 * Gives Backstage's Kubernetes plugin the clusters of homelab.clusters, with
 * their service account tokens kept on the backend, beside any clusters of
 * kubernetes.clusterLocatorMethods.
 *
 * @public
 */
export const kubernetesModuleHomelabClusters = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'homelab-clusters',
  register(env) {
    env.registerInit({
      deps: {
        clusterSupplier: kubernetesClusterSupplierExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({ clusterSupplier, config, logger, lifecycle }) {
        clusterSupplier.addClusterSupplier(async ({ getDefault }) => {
          const homelab = await HomelabClusterSupplier.fromConfig(
            config,
            logger,
          );
          lifecycle.addShutdownHook(() => homelab.stop());
          // Kubernetes' config schema requires the key; `[]` says "only these".
          return config.getOptionalConfigArray(
            'kubernetes.clusterLocatorMethods',
          )?.length
            ? withOtherClusters(homelab, await getDefault())
            : homelab;
        });
      },
    });
  },
});

import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  createTechDocsAddonExtension,
  TechDocsAddonLocations,
} from '@backstage/plugin-techdocs-react';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { homelabApiRef } from './api/HomelabApi';
import { HomelabClient } from './api/HomelabClient';
import { rootRouteRef, scaffolderTemplateRouteRef } from './routes';
import { MermaidDiagrams } from './components/techdocs/MermaidDiagrams';
import { AppFitField } from './components/scaffolder/AppFitField';
import { NodeFitField } from './components/scaffolder/NodeFitField';
import { PromotionPreviewField } from './components/scaffolder/PromotionPreviewField';

/**
 * The homelab plugin for the legacy frontend system.
 *
 * @public
 */
export const homelabPlugin = createPlugin({
  id: 'homelab',
  apis: [
    createApiFactory({
      api: homelabApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HomelabClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
  externalRoutes: { scaffolderTemplate: scaffolderTemplateRouteRef },
});

/**
 * The homelab page: topology, security posture and SLOs, as tabs.
 *
 * @public
 */
export const HomelabPage: () => JSX.Element = homelabPlugin.provide(
  createRoutableExtension({
    name: 'HomelabPage',
    component: () =>
      import('./components/HomelabPage').then(m => m.HomelabPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Hardware facts of a device, VM or Kubernetes node.
 *
 * @public
 */
export const EntityHomelabHardwareCard: () => JSX.Element =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabHardwareCard',
      component: {
        lazy: () =>
          import('./components/entity/EntityHardwareCard').then(
            m => m.EntityHardwareCard,
          ),
      },
    }),
  );

/**
 * A network's address plan (block, gateway, DHCP and reserved ranges, use)
 * or a WAN uplink's facts.
 *
 * @public
 */
export const EntityHomelabNetworkCard: () => JSX.Element =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabNetworkCard',
      component: {
        lazy: () =>
          import('./components/entity/EntityNetworkCard').then(
            m => m.EntityNetworkCard,
          ),
      },
    }),
  );

/**
 * A load-balancer pool's addresses, size, cluster and network.
 *
 * @public
 */
export const EntityHomelabIpPoolCard: () => JSX.Element = homelabPlugin.provide(
  createComponentExtension({
    name: 'EntityHomelabIpPoolCard',
    component: {
      lazy: () =>
        import('./components/entity/EntityIpPoolCard').then(
          m => m.EntityIpPoolCard,
        ),
    },
  }),
);

/**
 * What goes down with a device, VM, network, storage, node or cluster, in a
 * failure or a planned maintenance.
 *
 * @public
 */
export const EntityHomelabBlastRadiusCard: () => JSX.Element =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabBlastRadiusCard',
      component: {
        lazy: () =>
          import('./components/entity/EntityBlastRadiusCard').then(
            m => m.EntityBlastRadiusCard,
          ),
      },
    }),
  );

/**
 * A cluster's headroom per node: requests and use against allocatable CPU,
 * memory, pods and storage, with the inventory's targets and the trend to
 * full.
 *
 * @public
 */
export const EntityHomelabCapacityCard: () => JSX.Element =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabCapacityCard',
      component: {
        lazy: () =>
          import('./components/entity/capacity/EntityCapacityCard').then(
            m => m.EntityCapacityCard,
          ),
      },
    }),
  );

/**
 * An app's or cluster's backups (last success against the recovery point
 * objective) and certificates (days to expiry).
 *
 * @public
 */
export const EntityHomelabRecoveryCard: () => JSX.Element =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabRecoveryCard',
      component: {
        lazy: () =>
          import('./components/recovery/EntityRecoveryCard').then(
            m => m.EntityRecoveryCard,
          ),
      },
    }),
  );

/**
 * A cluster's facts, nodes and Flux objects, with reconcile and suspend controls.
 *
 * @public
 */
export const EntityHomelabClusterContent: () => JSX.Element =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabClusterContent',
      component: {
        lazy: () =>
          import('./components/entity/EntityClusterOverview').then(
            m => m.EntityClusterOverview,
          ),
      },
    }),
  );

/**
 * An entity's security posture per cluster.
 *
 * @public
 */
export const EntityHomelabPostureCard: () => JSX.Element | null =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabPostureCard',
      component: {
        lazy: () =>
          import('./components/entity/EntityPostureCard').then(
            m => m.EntityPostureCard,
          ),
      },
    }),
  );

/**
 * An entity's SLOs.
 *
 * @public
 */
export const EntityHomelabSloCard: () => JSX.Element | null =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabSloCard',
      component: {
        lazy: () =>
          import('./components/entity/EntitySloCard').then(
            m => m.EntitySloCard,
          ),
      },
    }),
  );

/**
 * A device's power (draw, source, energy and cost), or the share a VM,
 * node, cluster or app has of its devices' draw; nothing for other entities.
 *
 * @public
 */
export const EntityHomelabPowerCard: () => JSX.Element | null =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabPowerCard',
      component: {
        lazy: () =>
          import('./components/entity/EntityPowerCard').then(
            m => m.EntityPowerCard,
          ),
      },
    }),
  );

/**
 * Which version of an entity's app each environment runs, with "Promote".
 *
 * @public
 */
export const EntityHomelabDriftCard: () => JSX.Element | null =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabDriftCard',
      component: {
        lazy: () =>
          import('./components/entity/EntityDriftCard').then(
            m => m.EntityDriftCard,
          ),
      },
    }),
  );

/**
 * An app's scorecard: the tech-insights checks (with the homelab module's
 * fact checker) run on its latest facts, each passed, failed or not known
 * with the reason.
 *
 * @public
 */
export const EntityHomelabScorecardCard: () => JSX.Element =
  homelabPlugin.provide(
    createComponentExtension({
      name: 'EntityHomelabScorecardCard',
      component: {
        lazy: () =>
          import('./components/entity/scorecard/EntityScorecardCard').then(
            m => m.EntityScorecardCard,
          ),
      },
    }),
  );

/**
 * The TechDocs addon that renders the Mermaid diagrams of the generated
 * architecture docs (and of any other docs) with a bundled Mermaid.
 *
 * @public
 */
export const HomelabMermaid = homelabPlugin.provide(
  createTechDocsAddonExtension({
    name: 'HomelabMermaid',
    location: TechDocsAddonLocations.Content,
    component: MermaidDiagrams,
  }),
);

/**
 * The "What will change" field of the promotion template (ui:field
 * HomelabPromotionPreview): versions per environment, the diff and each
 * gate's verdict, from the homelab backend. Place it inside
 * `<ScaffolderFieldExtensions>` of the legacy app's scaffolder route.
 *
 * @public
 */
export const HomelabPromotionPreviewFieldExtension = homelabPlugin.provide(
  createScaffolderFieldExtension({
    name: 'HomelabPromotionPreview',
    component: PromotionPreviewField,
  }),
);

/**
 * The deploy template's "Will it fit" field (ui:field HomelabAppFit): whether
 * the app's replicas fit each picked environment's cluster and keep it below
 * the inventory's targets. Place it inside `<ScaffolderFieldExtensions>` of
 * the legacy app's scaffolder route.
 *
 * @public
 */
export const HomelabAppFitFieldExtension = homelabPlugin.provide(
  createScaffolderFieldExtension({
    name: 'HomelabAppFit',
    component: AppFitField,
  }),
);

/**
 * The provision template's "Will it fit" field (ui:field HomelabNodeFit):
 * whether a Turing Pi slot is free within the board's power supply, or a
 * Proxmox VM fits its host. Place it inside `<ScaffolderFieldExtensions>` of
 * the legacy app's scaffolder route.
 *
 * @public
 */
export const HomelabNodeFitFieldExtension = homelabPlugin.provide(
  createScaffolderFieldExtension({
    name: 'HomelabNodeFit',
    component: NodeFitField,
  }),
);

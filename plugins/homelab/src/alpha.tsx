import { Content } from '@backstage/core-components';
import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { TechDocsAddonLocations } from '@backstage/plugin-techdocs-react';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { AddonBlueprint } from '@backstage/plugin-techdocs-react/alpha';
import DeviceHubIcon from '@material-ui/icons/DeviceHub';
import { ReactElement } from 'react';
import { homelabApiRef } from './api/HomelabApi';
import { HomelabClient } from './api/HomelabClient';
import {
  isHomelabBlastRadiusSubject,
  isHomelabCluster,
  isHomelabHardware,
  isHomelabIpPool,
  isHomelabNetwork,
  isHomelabWorkload,
} from './components/entity/entityPredicates';
import { MermaidDiagrams } from './components/techdocs/MermaidDiagrams';
import {
  prefetchTopology,
  topologyQuery,
} from './components/TopologyPage/topologyPrefetch';
import { rootRouteRef, scaffolderTemplateRouteRef, TAB_PATHS } from './routes';

const homelabApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: homelabApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HomelabClient({ discoveryApi, fetchApi }),
    }),
});

const homelabPage = PageBlueprint.make({
  params: {
    path: '/homelab',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    title: 'Homelab',
    icon: <DeviceHubIcon fontSize="inherit" />,
  },
});

const tab = (
  name: keyof typeof TAB_PATHS,
  title: string,
  load: () => Promise<ReactElement>,
) =>
  SubPageBlueprint.make({
    name,
    params: {
      path: TAB_PATHS[name],
      title,
      loader: async () => compatWrapper(<Content>{await load()}</Content>),
    },
  });

const overviewTab = tab('overview', 'Overview', () =>
  import('./components/HomePage/HomePage').then(m => <m.HomePage />),
);
/*
 * The topology tab starts what its page needs at once: the topology's
 * request and the canvas's chunk, beside the page's own chunk (on a
 * 1,000-device estate each takes a tenth of a second or more).
 */
const topologyTab = SubPageBlueprint.makeWithOverrides({
  name: 'topology',
  factory(originalFactory, { apis }) {
    return originalFactory({
      path: TAB_PATHS.topology,
      title: 'Topology',
      loader: async () => {
        const api = apis.get(homelabApiRef);
        const showWorkloads =
          new URLSearchParams(window.location.search).get('workloads') ===
          'show';
        if (api) prefetchTopology(api, topologyQuery(showWorkloads));
        const [page] = await Promise.all([
          import('./components/TopologyPage/TopologyPage'),
          import('./components/TopologyPage/TopologyGraphView'),
        ]);
        return compatWrapper(
          <Content>
            <page.TopologyPage />
          </Content>,
        );
      },
    });
  },
});
const securityTab = tab('security', 'Security', () =>
  import('./components/SecurityPage/SecurityPage').then(m => (
    <m.SecurityPage />
  )),
);
const slosTab = tab('slos', 'SLOs', () =>
  import('./components/SloPage/SloPage').then(m => <m.SloPage />),
);
const powerTab = tab('power', 'Power', () =>
  import('./components/PowerPage/PowerPage').then(m => <m.PowerPage />),
);

const hardwareCard = EntityCardBlueprint.make({
  name: 'hardware',
  params: {
    type: 'info',
    filter: isHomelabHardware,
    loader: () =>
      import('./components/entity/EntityHardwareCard').then(m =>
        compatWrapper(<m.EntityHardwareCard />),
      ),
  },
});

const networkCard = EntityCardBlueprint.make({
  name: 'network',
  params: {
    type: 'info',
    filter: isHomelabNetwork,
    loader: () =>
      import('./components/entity/EntityNetworkCard').then(m =>
        compatWrapper(<m.EntityNetworkCard />),
      ),
  },
});

const ipPoolCard = EntityCardBlueprint.make({
  name: 'ip-pool',
  params: {
    type: 'info',
    filter: isHomelabIpPool,
    loader: () =>
      import('./components/entity/EntityIpPoolCard').then(m =>
        compatWrapper(<m.EntityIpPoolCard />),
      ),
  },
});

const blastRadiusCard = EntityCardBlueprint.make({
  name: 'blast-radius',
  params: {
    filter: isHomelabBlastRadiusSubject,
    loader: () =>
      import('./components/entity/EntityBlastRadiusCard').then(m =>
        compatWrapper(<m.EntityBlastRadiusCard />),
      ),
  },
});

const postureCard = EntityCardBlueprint.make({
  name: 'posture',
  params: {
    filter: isHomelabWorkload,
    loader: () =>
      import('./components/entity/EntityPostureCard').then(m =>
        compatWrapper(<m.EntityPostureCard />),
      ),
  },
});

const powerCard = EntityCardBlueprint.make({
  name: 'power',
  params: {
    filter: entity =>
      isHomelabHardware(entity) ||
      isHomelabCluster(entity) ||
      isHomelabWorkload(entity),
    loader: () =>
      import('./components/entity/EntityPowerCard').then(m =>
        compatWrapper(<m.EntityPowerCard />),
      ),
  },
});

const sloCard = EntityCardBlueprint.make({
  name: 'slos',
  params: {
    filter: isHomelabWorkload,
    loader: () =>
      import('./components/entity/EntitySloCard').then(m =>
        compatWrapper(<m.EntitySloCard />),
      ),
  },
});

const driftCard = EntityCardBlueprint.make({
  name: 'drift',
  params: {
    filter: isHomelabWorkload,
    loader: () =>
      import('./components/entity/EntityDriftCard').then(m =>
        compatWrapper(<m.EntityDriftCard />),
      ),
  },
});

const scorecardCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    filter: isHomelabWorkload,
    loader: () =>
      import('./components/entity/scorecard/EntityScorecardCard').then(m =>
        compatWrapper(<m.EntityScorecardCard />),
      ),
  },
});

const capacityCard = EntityCardBlueprint.make({
  name: 'capacity',
  params: {
    filter: isHomelabCluster,
    loader: () =>
      import('./components/entity/capacity/EntityCapacityCard').then(m =>
        compatWrapper(<m.EntityCapacityCard />),
      ),
  },
});

const recoveryCard = EntityCardBlueprint.make({
  name: 'recovery',
  params: {
    filter: entity => isHomelabWorkload(entity) || isHomelabCluster(entity),
    loader: () =>
      import('./components/recovery/EntityRecoveryCard').then(m =>
        compatWrapper(<m.EntityRecoveryCard />),
      ),
  },
});

const clusterContent = EntityContentBlueprint.make({
  name: 'cluster',
  params: {
    path: '/homelab-cluster',
    title: 'Cluster',
    filter: isHomelabCluster,
    loader: () =>
      import('./components/entity/EntityClusterOverview').then(m =>
        compatWrapper(<m.EntityClusterOverview />),
      ),
  },
});

const mermaidAddon = AddonBlueprint.make({
  name: 'mermaid',
  params: {
    name: 'HomelabMermaid',
    location: TechDocsAddonLocations.Content,
    component: MermaidDiagrams,
  },
});

const promotionPreviewField = FormFieldBlueprint.make({
  name: 'promotion-preview',
  params: {
    field: () =>
      import('./components/scaffolder/promotionPreviewFormField').then(
        m => m.promotionPreviewFormField,
      ),
  },
});

const appFitField = FormFieldBlueprint.make({
  name: 'app-fit',
  params: {
    field: () =>
      import('./components/scaffolder/fitFormFields').then(
        m => m.appFitFormField,
      ),
  },
});

const nodeFitField = FormFieldBlueprint.make({
  name: 'node-fit',
  params: {
    field: () =>
      import('./components/scaffolder/fitFormFields').then(
        m => m.nodeFitFormField,
      ),
  },
});

/**
 * The homelab plugin for the new frontend system: the Homelab page with its
 * Overview, Topology, Security and SLOs tabs, the homelab entity cards and cluster
 * tab, the API client, the Mermaid TechDocs addon, and the scaffolder's
 * promotion preview and will-it-fit fields (ui:field HomelabPromotionPreview,
 * HomelabAppFit, HomelabNodeFit).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'homelab',
  title: 'Homelab',
  icon: <DeviceHubIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  extensions: [
    homelabApi,
    homelabPage,
    overviewTab,
    topologyTab,
    securityTab,
    slosTab,
    powerTab,
    hardwareCard,
    networkCard,
    ipPoolCard,
    blastRadiusCard,
    postureCard,
    sloCard,
    powerCard,
    capacityCard,
    recoveryCard,
    driftCard,
    scorecardCard,
    clusterContent,
    mermaidAddon,
    promotionPreviewField,
    appFitField,
    nodeFitField,
  ],
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
  externalRoutes: convertLegacyRouteRefs({
    scaffolderTemplate: scaffolderTemplateRouteRef,
  }),
});

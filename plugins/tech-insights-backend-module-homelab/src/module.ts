import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  techInsightsFactCheckerFactoryExtensionPoint,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { homelabFactCheckerFactory } from './checks/HomelabFactChecker';
import { homelabFactRetrievers } from './retrievers/homelabFactRetrievers';
import { homelabSources } from './sources/HomelabSources';

/**
 * The homelab scorecard for tech-insights: fact retrievers over
 * homelab-backend and the homelab inventory status (each runs once
 * techInsights.factRetrievers.<id>.cadence is configured), and the fact
 * checker with the homelab checks: SLO defined, backups within RPO, no
 * critical vulnerabilities, Flux Ready, certificates valid for more than 14
 * days, inventory valid.
 *
 * @public
 */
export const techInsightsModuleHomelab = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'homelab',
  register(env) {
    env.registerInit({
      deps: {
        retrievers: techInsightsFactRetrieversExtensionPoint,
        checker: techInsightsFactCheckerFactoryExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ retrievers, checker, ...services }) {
        retrievers.addFactRetrievers(
          homelabFactRetrievers(homelabSources(services)),
        );
        checker.setFactCheckerFactory(homelabFactCheckerFactory);
      },
    });
  },
});

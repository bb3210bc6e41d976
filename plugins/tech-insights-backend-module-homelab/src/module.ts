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
import { backupFactRetriever } from './retrievers/backupFactRetriever';
import { certificateFactRetriever } from './retrievers/certificateFactRetriever';
import { fluxFactRetriever } from './retrievers/fluxFactRetriever';
import { inventoryFactRetriever } from './retrievers/inventoryFactRetriever';
import { sloFactRetriever } from './retrievers/sloFactRetriever';
import { vulnerabilityFactRetriever } from './retrievers/vulnerabilityFactRetriever';
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
        const sources = homelabSources(services);
        const all = [
          sloFactRetriever,
          backupFactRetriever,
          vulnerabilityFactRetriever,
          fluxFactRetriever,
          certificateFactRetriever,
          inventoryFactRetriever,
        ].map(create => create(sources));
        retrievers.addFactRetrievers(
          Object.fromEntries(all.map(retriever => [retriever.id, retriever])),
        );
        checker.setFactCheckerFactory(homelabFactCheckerFactory);
      },
    });
  },
});

import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import kubernetesPlugin from '@backstage/plugin-kubernetes/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import techdocsPlugin from '@backstage/plugin-techdocs/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import homelabPlugin from '@homelab/plugin-homelab/alpha';
import { catalogGraphModule } from './modules/catalogGraph';
import { navModule } from './modules/nav';
import { themeModule } from './modules/theme';

/**
 * The portal's features are listed here rather than discovered, so that the
 * app a test renders is the app users get.
 */
export default createApp({
  features: [
    catalogPlugin,
    catalogGraphPlugin,
    kubernetesPlugin,
    notificationsPlugin,
    orgPlugin,
    scaffolderPlugin,
    searchPlugin,
    // Pushes new notifications to the open portal, without reloading.
    signalsPlugin,
    techdocsPlugin,
    userSettingsPlugin,
    homelabPlugin,
    navModule,
    themeModule,
    catalogGraphModule,
  ],
});

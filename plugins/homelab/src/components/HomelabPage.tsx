import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { HomePage } from './HomePage/HomePage';
import { PowerPage } from './PowerPage/PowerPage';
import { SecurityPage } from './SecurityPage/SecurityPage';
import { SloPage } from './SloPage/SloPage';
import { TopologyPage } from './TopologyPage/TopologyPage';
import { TAB_PATHS } from '../routes';

/**
 * The homelab page of the legacy frontend system: its own header and the
 * overview, topology, security, SLO and power tabs. The new frontend system builds the same
 * page from the plugin's page and sub-page extensions.
 */
export function HomelabPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Homelab"
        subtitle="Apps at a glance, topology, security posture, service level objectives and power"
      />
      <TabbedLayout>
        <TabbedLayout.Route path={`/${TAB_PATHS.overview}`} title="Overview">
          <HomePage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path={`/${TAB_PATHS.topology}`} title="Topology">
          <TopologyPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path={`/${TAB_PATHS.security}`} title="Security">
          <SecurityPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path={`/${TAB_PATHS.slos}`} title="SLOs">
          <SloPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path={`/${TAB_PATHS.power}`} title="Power">
          <PowerPage />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}

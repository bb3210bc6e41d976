import { Inventory } from '@homelab/plugin-homelab-common';
import { stringify } from 'yaml';
import { docsContext } from './docsContext';
import { GENERATED_MARK } from './markdown';
import { clustersPage } from './pages/clustersPage';
import { environmentsPage } from './pages/environmentsPage';
import { failureDomainsPage } from './pages/failureDomainsPage';
import { hardwarePage } from './pages/hardwarePage';
import { networkPage } from './pages/networkPage';
import { overviewPage } from './pages/overviewPage';
import { powerCapacityPage } from './pages/powerCapacityPage';
import { storagePage } from './pages/storagePage';

/**
 * A file of the generated docs.
 *
 * @public
 */
export interface GeneratedDocsFile {
  /** Path relative to the docs site's root, like "docs/network.md". */
  path: string;
  /** Its text. */
  content: string;
}

const PAGES = [
  { title: 'Overview', file: 'index.md', render: overviewPage },
  { title: 'Hardware', file: 'hardware.md', render: hardwarePage },
  { title: 'Network', file: 'network.md', render: networkPage },
  { title: 'Clusters', file: 'clusters.md', render: clustersPage },
  { title: 'Storage', file: 'storage.md', render: storagePage },
  { title: 'Environments', file: 'environments.md', render: environmentsPage },
  {
    title: 'Failure domains',
    file: 'failure-domains.md',
    render: failureDomainsPage,
  },
  {
    title: 'Power and capacity',
    file: 'power-and-capacity.md',
    render: powerCapacityPage,
  },
];

/**
 * The architecture docs of a homelab, as a TechDocs (MkDocs) site: an
 * mkdocs.yml and one Markdown page each for the overview, hardware, network,
 * clusters, storage, environments, failure domains and power and capacity,
 * with Mermaid diagrams. The same
 * inventory always gives the same bytes, so regenerated docs change exactly
 * when the inventory does.
 *
 * @public
 */
export function generateInventoryDocs(
  inventory: Inventory,
): GeneratedDocsFile[] {
  const context = docsContext(inventory);
  const mkdocs = {
    site_name: `${context.titleOf(inventory.site)} architecture`,
    ...(inventory.site.description
      ? { site_description: inventory.site.description.trim() }
      : {}),
    docs_dir: 'docs',
    // font: false keeps the theme from loading fonts from Google's CDN.
    theme: { name: 'material', font: false },
    nav: PAGES.map(p => ({ [p.title]: p.file })),
    markdown_extensions: ['tables', 'admonition', { toc: { permalink: true } }],
  };
  return [
    {
      path: 'mkdocs.yml',
      content: `# ${GENERATED_MARK}\n${stringify(mkdocs)}`,
    },
    ...PAGES.map(p => ({ path: `docs/${p.file}`, content: p.render(context) })),
  ];
}

import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  CatalogCollatorEntityTransformer,
  catalogCollatorExtensionPoint,
  defaultCatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';

type CatalogEntity = Parameters<CatalogCollatorEntityTransformer>[0];

/** What each homelab spec.type is called, as people search for it. */
const TYPE_WORDS: Record<string, string> = {
  'kubernetes-cluster': 'Kubernetes cluster',
  'kubernetes-node': 'Kubernetes node',
  device: 'Device',
  'virtual-machine': 'Virtual machine',
  network: 'Network',
  'ip-pool': 'IP pool',
  storage: 'Storage',
  'backup-job': 'Backup job',
  'external-service': 'External service',
};

/** The facts of spec.homelab someone types into search: a VLAN id, a CIDR, a device's kind. */
function searchedFacts(homelab: Record<string, unknown>): string[] {
  const facts: string[] = [];
  if (typeof homelab.vlan === 'number') facts.push(`VLAN ${homelab.vlan}`);
  for (const key of ['cidr', 'model']) {
    const value = homelab[key];
    if (typeof value === 'string' && value !== 'unknown') facts.push(value);
  }
  // A device's kind (switch, router, nas...) is the word people use for it.
  if (typeof homelab.kind === 'string' && homelab.kind !== 'vlan')
    facts.push(homelab.kind);
  return facts;
}

/**
 * The catalog's search document of an entity, with a homelab Resource's type
 * in words and its searched facts in front of its description: a network
 * reads "Network · VLAN 100 · 192.168.100.0/24", so that "vlan" finds the
 * networks, whose title also carries their VLAN, before a switch whose
 * description mentions VLAN support. Other entities are indexed as
 * Backstage indexes them.
 */
export const homelabCatalogSearchTransformer: CatalogCollatorEntityTransformer =
  entity => {
    const document = defaultCatalogCollatorEntityTransformer(entity);
    const type = String(entity.spec?.type ?? '');
    const homelab = homelabSpec(entity);
    if (entity.kind !== 'Resource' || !TYPE_WORDS[type] || !homelab)
      return document;
    const facts = searchedFacts(homelab);
    const vlan = typeof homelab.vlan === 'number' ? homelab.vlan : undefined;
    return {
      ...document,
      title:
        vlan === undefined
          ? document.title
          : `${document.title} (VLAN ${vlan})`,
      text: [[TYPE_WORDS[type], ...facts].join(' · '), document.text]
        .filter(Boolean)
        .join(' : '),
    };
  };

function homelabSpec(entity: CatalogEntity) {
  const homelab = entity.spec?.homelab;
  return homelab && typeof homelab === 'object' && !Array.isArray(homelab)
    ? (homelab as Record<string, unknown>)
    : undefined;
}

/** Indexes the catalog for search with {@link homelabCatalogSearchTransformer}. */
export default createBackendModule({
  pluginId: 'search',
  moduleId: 'homelab-catalog-documents',
  register(env) {
    env.registerInit({
      deps: { collator: catalogCollatorExtensionPoint },
      async init({ collator }) {
        collator.setEntityTransformer(homelabCatalogSearchTransformer);
      },
    });
  },
});

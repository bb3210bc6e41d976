import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  DefaultCatalogGraphApi,
  catalogGraphApiRef,
} from '@backstage/plugin-catalog-graph';
import { HOMELAB_RELATION_PAIRS } from '@homelab/plugin-homelab-common';

/**
 * The catalog graph draws only the relation types it knows: this teaches it
 * the homelab's physical relations (hosted on, connected to) and the
 * promotion order of environments, next to Backstage's own.
 */
const catalogGraphApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogGraphApiRef,
      deps: {},
      factory: () =>
        new DefaultCatalogGraphApi({
          knownRelations: [...ALL_RELATIONS, ...HOMELAB_RELATION_PAIRS.flat()],
          knownRelationPairs: [
            ...ALL_RELATION_PAIRS,
            ...HOMELAB_RELATION_PAIRS,
          ],
          defaultRelationTypes: { exclude: [] },
        }),
    }),
});

export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [catalogGraphApi],
});

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DirectoryPreparer,
  techdocsPreparerExtensionPoint,
} from '@backstage/plugin-techdocs-node';
import { readInventoryLocations } from '@homelab/plugin-homelab-node';
import os from 'node:os';
import path from 'node:path';
import { InventoryDocsPreparer } from './InventoryDocsPreparer';

/**
 * The homelab TechDocs module: architecture docs of each homelab site,
 * generated from its inventory whenever TechDocs builds the site's Domain.
 *
 * @public
 */
export const techdocsModuleHomelab = createBackendModule({
  pluginId: 'techdocs',
  moduleId: 'homelab',
  register(env) {
    env.registerInit({
      deps: {
        preparers: techdocsPreparerExtensionPoint,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
        logger: coreServices.logger,
      },
      async init({ preparers, config, reader, logger }) {
        const workDir = path.join(
          config.getOptionalString('backend.workingDirectory') ?? os.tmpdir(),
          'homelab-techdocs',
        );
        preparers.registerPreparer(
          'dir',
          new InventoryDocsPreparer({
            locations: readInventoryLocations(config),
            reader,
            logger,
            fallback: DirectoryPreparer.fromConfig(config, { reader, logger }),
            workDir,
          }),
        );
      },
    });
  },
});

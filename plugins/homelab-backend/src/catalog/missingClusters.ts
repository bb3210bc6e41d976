import { HOMELAB_RESOURCE_TYPES } from '@homelab/plugin-homelab-common';
import { HomelabModel } from './loadHomelabModel';

/**
 * The configured clusters the model holds no cluster Resource of, as the
 * model's lack ("clusters staging, production not in the catalog"), or
 * undefined. Right after start the collectors already see every configured
 * cluster while the catalog may still be processing the inventory: a model
 * read then would place no release in the environment of a cluster it
 * lacks, and the promotion gates would find the app "not seen in staging".
 */
export function missingClusters(
  model: Pick<HomelabModel, 'resources'>,
  configured: string[],
): string | undefined {
  const held = new Set(
    model.resources
      .filter(
        resource => resource.spec?.type === HOMELAB_RESOURCE_TYPES.cluster,
      )
      .map(resource => resource.metadata.name),
  );
  const missing = configured.filter(cluster => !held.has(cluster));
  return missing.length
    ? `clusters ${missing.join(', ')} not in the catalog`
    : undefined;
}

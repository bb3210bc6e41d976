import { Entity } from '@backstage/catalog-model';
import { missingClusters } from './missingClusters';

const resource = (name: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name },
  spec: { type, homelab: {} },
});

describe('missingClusters', () => {
  it('names the configured clusters the model holds no cluster Resource of', () => {
    const resources = [
      resource('production', 'kubernetes-cluster'),
      // A device named like a cluster is not the cluster.
      resource('staging', 'device'),
    ];
    expect(missingClusters({ resources }, ['production', 'staging'])).toBe(
      'clusters staging not in the catalog',
    );
    expect(missingClusters({ resources: [] }, ['production', 'staging'])).toBe(
      'clusters production, staging not in the catalog',
    );
  });

  it('lacks nothing when every configured cluster is held, or none is configured', () => {
    const resources = [resource('production', 'kubernetes-cluster')];
    expect(missingClusters({ resources }, ['production'])).toBeUndefined();
    expect(missingClusters({ resources }, [])).toBeUndefined();
  });
});

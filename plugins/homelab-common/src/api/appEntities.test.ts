import { appEntityRefs } from './appEntities';
import { AppDrift, AppRelease } from './types';

const release = (cluster: string, entityRef?: string): AppRelease => ({
  environment: cluster,
  cluster,
  kind: 'Kustomization',
  namespace: 'flux-system',
  name: 'flux-system',
  ready: 'True',
  ...(entityRef ? { entityRef } : {}),
});

const app = (releases: AppRelease[], entityRef?: string): AppDrift => ({
  app: 'flux-system',
  releases,
  inSync: true,
  behind: [],
  missing: [],
  ...(entityRef ? { entityRef } : {}),
});

describe('appEntityRefs', () => {
  it("is the app's entity where it has one, else each release's once, in promotion order", () => {
    expect(
      appEntityRefs(app([release('staging')], 'component:default/x')),
    ).toEqual(['component:default/x']);
    expect(
      appEntityRefs(
        app([
          release('staging', 'component:default/staging-flux'),
          release('production', 'component:default/production-flux'),
          release('lab'),
          release('edge', 'component:default/staging-flux'),
        ]),
      ),
    ).toEqual([
      'component:default/staging-flux',
      'component:default/production-flux',
    ]);
    expect(appEntityRefs(app([release('staging')]))).toEqual([]);
  });
});

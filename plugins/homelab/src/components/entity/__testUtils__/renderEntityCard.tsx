import { Entity } from '@backstage/catalog-model';
import { alertApiRef } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReactElement } from 'react';
import { homelabApiRef } from '../../../api/HomelabApi';
import { rootRouteRef, scaffolderTemplateRouteRef } from '../../../routes';
import { fakeHomelabApi } from '../../../__testUtils__/fixtures';

export const nextcloud: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'nextcloud',
    annotations: { 'backstage.io/kubernetes-id': 'nextcloud' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:homelab-admins',
  },
};

export const resource = (
  name: string,
  type: string,
  homelab: object,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name },
  spec: { type, owner: 'group:homelab-admins', homelab },
});

export const cluster = resource('production', 'kubernetes-cluster', {
  environment: 'production',
  distribution: 'talos',
  cni: 'flannel',
  podCidr: '10.244.0.0/16',
});

/**
 * Renders an entity card or tab in a test app with the homelab API, the
 * catalog, and a permission API that allows or denies everything. The
 * permission hook caches answers per test file, so a file allows or denies.
 * Await it: a test that ends before the app mounts leaves the next test's
 * updates unflushed.
 */
export async function render(
  element: ReactElement,
  entity: Entity,
  options: {
    api?: ReturnType<typeof fakeHomelabApi>;
    allow?: boolean;
    catalogEntities?: Entity[];
  } = {},
) {
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [homelabApiRef, options.api ?? fakeHomelabApi()],
        [
          permissionApiRef,
          mockApis.permission({
            authorize:
              options.allow === false
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          }),
        ],
        [alertApiRef, alertApi],
        [
          catalogApiRef,
          {
            getEntities: async () => ({
              items: options.catalogEntities ?? [],
            }),
          },
        ],
      ]}
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/homelab': rootRouteRef,
        '/create/templates/:namespace/:templateName':
          scaffolderTemplateRouteRef,
      },
    },
  );
  return { alertApi, container: rendered.container };
}

import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ComponentType } from 'react';
import { HomelabApi, homelabApiRef } from '../api/HomelabApi';
import { fakeHomelabApi } from './fixtures';

const resource = (
  name: string,
  spec: Record<string, unknown>,
  title?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', ...(title && { title }) },
  spec: { owner: 'group:default/homelab-admins', ...spec },
});

const rk1 = (slot: number) =>
  resource(`rk1-${slot}`, {
    type: 'device',
    homelab: {
      kind: 'compute-module',
      status: 'active',
      power: { typicalW: 5 },
      slot: { board: 'resource:default/turing-pi-2', number: slot },
    },
  });

/**
 * The example homelab's clusters and devices as the catalog module writes
 * them (examples/homelab): each cluster in its environment's System, the
 * Turing Pi 2 with RK1 modules in slots 1 to 3, the Proxmox VE server.
 */
const exampleCatalog: Entity[] = [
  resource(
    'production',
    { type: 'kubernetes-cluster', system: 'production' },
    'Production cluster',
  ),
  resource(
    'staging',
    { type: 'kubernetes-cluster', system: 'staging' },
    'Staging cluster',
  ),
  resource('turing-pi-2', {
    type: 'device',
    homelab: { kind: 'board', status: 'active', slots: 4 },
  }),
  rk1(1),
  rk1(2),
  rk1(3),
  resource('proxmox', {
    type: 'device',
    homelab: { kind: 'server', status: 'active', architecture: 'amd64' },
  }),
];

/** The catalog's answer to a filter on spec.type, over the example catalog. */
const catalogApi = {
  getEntities: jest.fn(async (request: { filter: Record<string, string> }) => ({
    items: exampleCatalog.filter(
      entity => entity.spec?.type === request.filter['spec.type'],
    ),
  })),
};

/**
 * Renders a scaffolder field of the homelab templates with the whole form's
 * data as its context, over the fake homelab API and the example catalog.
 */
export async function renderFormField(
  Field: ComponentType<FieldExtensionComponentProps<string>>,
  formData: Record<string, unknown>,
  api: jest.Mocked<HomelabApi> = fakeHomelabApi(),
) {
  const onChange = jest.fn();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [homelabApiRef, api],
        [catalogApiRef, catalogApi],
      ]}
    >
      <Field
        {...({
          onChange,
          formData: undefined,
          formContext: { formData },
          schema: {},
          uiSchema: {},
          idSchema: { $id: 'fit' },
          rawErrors: [],
          required: false,
          disabled: false,
          readonly: false,
        } as any)}
      />
    </TestApiProvider>,
  );
  return { onChange, api };
}

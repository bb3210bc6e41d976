import { homelabCatalogSearchTransformer } from './homelabCatalogSearch';

const resource = (
  name: string,
  title: string,
  type: string,
  homelab: object,
  description?: string,
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', title, description },
  spec: { type, owner: 'group:default/homelab-admins', homelab },
});

describe('homelabCatalogSearchTransformer', () => {
  it('indexes a network with its type, VLAN and CIDR, the VLAN in its title too', () => {
    expect(
      homelabCatalogSearchTransformer(
        resource(
          'serverlan',
          'ServerLAN',
          'network',
          { kind: 'vlan', vlan: 100, cidr: '192.168.100.0/24' },
          'Kubernetes clusters, QNAP NAS, Proxmox.',
        ),
      ),
    ).toMatchObject({
      title: 'ServerLAN (VLAN 100)',
      text: 'Network · VLAN 100 · 192.168.100.0/24 : Kubernetes clusters, QNAP NAS, Proxmox.',
      type: 'network',
      kind: 'Resource',
    });
  });

  it('indexes a device with its kind and model, and leaves a CIDR not known out', () => {
    expect(
      homelabCatalogSearchTransformer(
        resource('usw-pro-24', 'USW Pro 24', 'device', {
          kind: 'switch',
          model: 'USW-Pro-24-PoE',
        }),
      ),
    ).toMatchObject({
      title: 'USW Pro 24',
      text: 'Device · USW-Pro-24-PoE · switch',
    });
    expect(
      homelabCatalogSearchTransformer(
        resource('modem-lan', 'Modem LAN', 'network', {
          kind: 'vlan',
          cidr: 'unknown',
        }),
      ).text,
    ).toBe('Network');
  });

  it('indexes other entities as Backstage does', () => {
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'nextcloud', title: 'Nextcloud', description: 'Files' },
      spec: { type: 'service', lifecycle: 'production', owner: 'team' },
    };
    expect(homelabCatalogSearchTransformer(component)).toEqual({
      title: 'Nextcloud',
      text: 'Files',
      componentType: 'service',
      type: 'service',
      namespace: 'default',
      kind: 'Component',
      lifecycle: 'production',
      owner: 'team',
    });
    // A Resource of another plugin's type, even with a homelab block.
    expect(
      homelabCatalogSearchTransformer(
        resource('db', 'Database', 'database', { vlan: 5 }),
      ),
    ).toMatchObject({ title: 'Database', text: '' });
  });
});

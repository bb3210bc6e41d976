import { inventoryName } from '@homelab/plugin-homelab-common';
import { toInventoryName } from './toInventoryName';

describe('toInventoryName', () => {
  it.each([
    ['UDM-Pro', 'udm-pro'],
    ['Living Room  AP', 'living-room-ap'],
    ['core--switch', 'core-switch'],
    ['-pve-', 'pve'],
    ['nas.home.arpa', 'nas-home-arpa'],
    [`${'x'.repeat(62)}-tail`, 'x'.repeat(62)],
  ])('names %j %j, a name the inventory accepts', (name, expected) => {
    expect(toInventoryName(name)).toBe(expected);
    expect(inventoryName.safeParse(expected).success).toBe(true);
  });

  it('gives nothing for a name without a letter or digit, for the caller to name', () => {
    expect(toInventoryName('— —')).toBe('');
  });
});

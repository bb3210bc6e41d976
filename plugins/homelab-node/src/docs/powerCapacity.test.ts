import path from 'node:path';
import { readInventoryFromPath } from '../inventory/readInventory';
import { validateInventoryFiles } from '../inventory/validateInventory';
import { markdownTables } from './__testUtils__/markdownTables';
import { generateInventoryDocs } from './generateInventoryDocs';

/*
 * The power-and-capacity page of the example homelab (examples/homelab) and
 * of the architecture documents reproduced in test-fixtures/architectures:
 * only what their inventories state, worked out.
 */

async function powerAndCapacity(location: string) {
  const validation = validateInventoryFiles(
    await readInventoryFromPath(location),
  );
  const page = generateInventoryDocs(validation.inventory!).find(
    file => file.path === 'docs/power-and-capacity.md',
  )!.content;
  const rows = (heading: string) =>
    markdownTables(page).find(t => t.heading === heading)?.rows;
  return { page, rows };
}

const architecture = (name: string) =>
  path.resolve(__dirname, `../../test-fixtures/architectures/${name}.yaml`);

describe('the power and capacity page', () => {
  it("works out the example's energy, the Turing Pi's slots and the seed's targets from the inventory alone", async () => {
    const { page, rows } = await powerAndCapacity(
      path.resolve(__dirname, '../../../../examples/homelab'),
    );
    // "~5 W per RK1" all day is 0.12 kWh; the Pi states only its 15 W peak.
    expect(rows('## Energy')).toEqual([
      ['RK1 module 1', '~5 W typical', '0.12 kWh', '3.6 kWh'],
      ['RK1 module 2', '~5 W typical', '0.12 kWh', '3.6 kWh'],
      ['RK1 module 3', '~5 W typical', '0.12 kWh', '3.6 kWh'],
      [
        'Raspberry Pi 4B',
        'up to 15 W peak',
        'at most 0.36 kWh',
        'at most 10.8 kWh',
      ],
    ]);
    expect(page).toContain('6 devices state no draw and are left out.');
    expect(rows('## Boards')).toEqual([
      [
        'Turing Pi 2',
        '4',
        '1: rk1-1, 2: rk1-2, 3: rk1-3',
        '1',
        'not stated',
        'not known: the inventory states no power supply for turing-pi-2 (power.supplyW)',
      ],
    ]);
    // The seed's design targets against three RK1s' 24 cores, 96 GB and 3 TB.
    expect(rows('## Capacity targets')).toEqual([
      [
        'Production cluster',
        '70% of 24 cores: 16.8 cores',
        '80% of 96 GB: 76.8 GB',
        '75% of 3000 GB: 2250 GB',
      ],
      ['Staging cluster', 'not stated', 'not stated', 'not stated'],
    ]);
  });

  it("says a Proxmox host's VMs over-commit its cores past the site's ratio, and claims no energy nobody stated", async () => {
    const { page, rows } = await powerAndCapacity(
      architecture('proxmox-ha-k8s'),
    );
    expect(rows('## Virtual machine hosts')).toEqual([
      [
        'Proxmox host',
        '13 VMs',
        '92',
        '16',
        '184 GB',
        '256 GB',
        '5.75 vCPU per core, over the 4 allowed',
        '0.72x of its memory, within the 1.25 allowed',
      ],
    ]);
    expect(page).toContain('No device states its power draw.');
    expect(rows('## Energy')).toBeUndefined();
    expect(rows('## Boards')).toBeUndefined();
  });
});

import {
  TestDatabases,
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { InventoryStatusStore } from '../status/InventoryStatusStore';
import { HomelabInventoryProvider } from './HomelabInventoryProvider';

/*
 * What the provider tells the backend's log about an inventory's problems:
 * each one, at its severity, with file, line and rule, when the set changes;
 * one reminder while it stays the same. The log is where an operator first
 * sees why the catalog stopped following the inventory.
 */

const exampleDir = path.resolve(__dirname, '../../../../examples/homelab');
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const UPS_IN_A_BOARD_SLOT =
  'apiVersion: homelab.dev/v1alpha1\nkind: Inventory\ndevices:\n  - name: rack-ups\n    kind: ups\n    slot:\n      board: turing-pi-2\n      number: 4\n';
const TOASTER =
  'apiVersion: homelab.dev/v1alpha1\nkind: Inventory\ndevices:\n  - name: kitchen\n    kind: toaster\n';

describe('the homelab inventory provider logs', () => {
  it('each problem once at its severity with file, line and rule, then one reminder while the problems stay the same', async () => {
    const inventory = createMockDirectory();
    inventory.setContent(
      Object.fromEntries(
        fs
          .readdirSync(exampleDir)
          .map(file => [
            file,
            fs.readFileSync(path.join(exampleDir, file), 'utf8'),
          ]),
      ),
    );
    const logger = mockServices.logger.mock();
    const knex = await databases.init('SQLITE_3');
    const provider = new HomelabInventoryProvider({
      name: 'hallonen',
      target: inventory.path,
      urlReader: mockServices.urlReader.mock(),
      logger,
      store: await InventoryStatusStore.create(mockServices.database({ knex })),
      clusterClients: { get: () => undefined },
    });
    await provider.connect({
      applyMutation: async () => {},
      refresh: async () => {},
    });
    /** What each refresh logs, level by level. */
    const logsOf = async () => {
      jest.clearAllMocks();
      await provider.refresh();
      return Object.fromEntries(
        (['error', 'warn', 'info'] as const).map(level => [
          level,
          logger[level].mock.calls.map(([message]) =>
            message.replaceAll(inventory.path, '<inventory>'),
          ),
        ]),
      );
    };

    expect(await logsOf()).toEqual({
      error: [],
      warn: [],
      info: [
        'Homelab inventory "hallonen" ingested: 73 entities from 6 files, 0 warnings',
      ],
    });

    inventory.addContent({ 'ups.yaml': UPS_IN_A_BOARD_SLOT });
    const warning =
      'Homelab inventory "hallonen": <inventory>/ups.yaml:7:7: warning: devices[0].slot: a ups usually does not sit in a board slot; is kind "compute-module" meant? [slot-on-non-module] (see inventory-reference.md#devices)';
    expect(await logsOf()).toEqual({
      error: [],
      warn: [warning],
      info: [
        'Homelab inventory "hallonen" ingested: 74 entities from 7 files, 1 warnings',
      ],
    });

    inventory.addContent({ 'kitchen.yaml': TOASTER });
    const invalid = {
      error: [
        'Homelab inventory "hallonen": <inventory>/kitchen.yaml:5:11: error: devices[0].kind: must be one of "board", "compute-module", "sbc", "mini-pc", "server", "nas", "switch", "router", "access-point", "modem", "ups", "workstation", "virtual-machine", "unknown", but is the text "toaster" [schema] (see inventory-reference.md#devices)',
        'Homelab inventory "hallonen" is invalid; the catalog keeps its last good entities',
      ],
      warn: [warning],
      info: [],
    };
    expect(await logsOf()).toEqual(invalid);

    expect(await logsOf()).toEqual({
      error: [],
      warn: ['Homelab inventory "hallonen" still has the same 2 problems'],
      info: [],
    });

    fs.rmSync(path.join(inventory.path, 'ups.yaml'));
    expect(await logsOf()).toEqual({
      ...invalid,
      warn: [],
    });
  });
});

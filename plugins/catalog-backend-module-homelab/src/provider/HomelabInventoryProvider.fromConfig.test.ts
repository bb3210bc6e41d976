import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { InventoryStatusStore } from '../status/InventoryStatusStore';
import { HomelabInventoryProvider } from './HomelabInventoryProvider';

function fromConfig(homelab: object) {
  const logger = mockServices.logger.mock();
  const scheduler = mockServices.scheduler.mock();
  const providers = HomelabInventoryProvider.fromConfig(
    new ConfigReader({ homelab }),
    {
      logger,
      scheduler,
      urlReader: mockServices.urlReader.mock(),
      store: {} as InventoryStatusStore,
      clusterClients: { list: () => [], get: () => undefined },
    },
  );
  return { providers, logger, scheduler };
}

/** The refresh task each provider schedules once the catalog connects it. */
async function scheduledTasks(
  providers: HomelabInventoryProvider[],
  scheduler: ReturnType<typeof mockServices.scheduler.mock>,
) {
  for (const provider of providers) {
    await provider.connect({} as EntityProviderConnection);
  }
  return scheduler.scheduleTask.mock.calls.map(([task]) => task);
}

describe('HomelabInventoryProvider.fromConfig', () => {
  it('makes no provider without inventory locations, and says so', () => {
    const { providers, logger } = fromConfig({});
    expect(providers).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('No homelab.inventory.locations configured'),
    );
  });

  it('makes one provider per location, each refreshed on the configured schedule by one replica', async () => {
    const { providers, scheduler } = fromConfig({
      inventory: {
        locations: [
          { name: 'home', target: 'inventory/home' },
          { name: 'cabin', target: 'https://example.com/cabin' },
        ],
        schedule: { frequency: { minutes: 10 }, timeout: { minutes: 1 } },
      },
    });
    expect(providers.map(p => p.getProviderName())).toEqual([
      'homelab-inventory:home',
      'homelab-inventory:cabin',
    ]);
    expect(await scheduledTasks(providers, scheduler)).toEqual([
      expect.objectContaining({
        id: 'homelab-inventory:home:refresh',
        scope: 'global',
        frequency: { minutes: 10 },
        timeout: { minutes: 1 },
      }),
      expect.objectContaining({ id: 'homelab-inventory:cabin:refresh' }),
    ]);
  });

  it('refreshes every 5 minutes when no schedule is configured', async () => {
    const { providers, scheduler } = fromConfig({
      inventory: { locations: [{ target: 'inventory' }] },
    });
    expect(await scheduledTasks(providers, scheduler)).toEqual([
      expect.objectContaining({
        id: 'homelab-inventory:default:refresh',
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
        initialDelay: { seconds: 3 },
      }),
    ]);
  });
});

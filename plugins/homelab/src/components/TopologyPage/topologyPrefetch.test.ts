import { topology } from '../../__testUtils__/fixtures';
import {
  fetchTopology,
  prefetchTopology,
  topologyQuery,
} from './topologyPrefetch';

describe('the topology prefetched by the tab', () => {
  it('is handed to the page once, for the same query, and read anew after', async () => {
    const getTopology = jest.fn(async () => topology);
    const api = { getTopology } as any;
    prefetchTopology(api, topologyQuery(false));
    expect(getTopology).toHaveBeenCalledTimes(1);
    await expect(fetchTopology(api, { workloads: 'folded' })).resolves.toBe(
      topology,
    );
    expect(getTopology).toHaveBeenCalledTimes(1);
    await fetchTopology(api, { workloads: 'folded' });
    expect(getTopology).toHaveBeenCalledTimes(2);
  });

  it('is not handed to a page that asks for something else', async () => {
    const getTopology = jest.fn(async () => topology);
    const api = { getTopology } as any;
    prefetchTopology(api, topologyQuery(false));
    await fetchTopology(api, topologyQuery(true));
    expect(getTopology).toHaveBeenNthCalledWith(2, undefined);
  });

  it('fails for the page that takes it when the request failed, and for no one else', async () => {
    const api = {
      getTopology: jest.fn(async () => {
        throw new Error('backend down');
      }),
    } as any;
    prefetchTopology(api, undefined);
    await expect(fetchTopology(api, undefined)).rejects.toThrow('backend down');
  });
});

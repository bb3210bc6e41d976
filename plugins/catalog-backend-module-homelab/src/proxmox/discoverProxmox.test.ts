import path from 'node:path';
import { discoverProxmox } from './discoverProxmox';

const RECORDED = path.resolve(
  require.resolve('@homelab/plugin-homelab-node/package.json'),
  '../test-fixtures/proxmox/cluster-resources.json',
);

describe('discoverProxmox', () => {
  it('keeps the last good resources of a source that fails, marked as failed since then', async () => {
    const first = await discoverProxmox(
      [{ name: 'pve', recordedResources: RECORDED }],
      [],
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(first).toEqual([
      expect.objectContaining({
        source: 'pve',
        location: `file:${RECORDED}`,
        state: 'ok',
        lastSuccessAt: '2026-12-01T10:00:00.000Z',
      }),
    ]);
    expect(first[0].resources).toHaveLength(8);

    const gone = `${RECORDED}.gone`;
    const second = await discoverProxmox(
      [{ name: 'pve', recordedResources: gone }],
      first,
      new Date('2026-12-01T10:05:00Z'),
    );
    expect(second).toEqual([
      {
        source: 'pve',
        location: `file:${gone}`,
        state: 'failed',
        checkedAt: '2026-12-01T10:05:00.000Z',
        lastSuccessAt: '2026-12-01T10:00:00.000Z',
        error: expect.stringMatching(/^ENOENT: no such file or directory/),
        resources: first[0].resources,
      },
    ]);
  });

  it('has nothing, and says why, for a source never read', async () => {
    const [never] = await discoverProxmox(
      [{ name: 'pve', recordedResources: '/nonexistent/resources.json' }],
      [],
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(never).toMatchObject({ state: 'failed', resources: [] });
    expect(never.lastSuccessAt).toBeUndefined();
  });
});

import { UrlReaderService } from '@backstage/backend-plugin-api';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  isUrlTarget,
  readInventoryFromPath,
  readInventoryFromUrl,
} from './readInventory';

describe('readInventoryFromPath', () => {
  const mockDir = createMockDirectory();

  beforeEach(() => {
    mockDir.setContent({
      'lab/site.yaml': 'site',
      'lab/hardware/rk1.yml': 'rk1',
      'lab/hardware/notes.txt': 'not yaml',
      'lab/.git/config.yaml': 'hidden',
      'lab/node_modules/pkg/x.yaml': 'dependency',
      'lab/a-first.YAML': 'upper-case extension',
    });
  });

  it('reads every YAML file below a folder in a stable order, skipping hidden folders and node_modules', async () => {
    const files = await readInventoryFromPath(mockDir.resolve('lab'));
    expect(
      files.map(file => [
        file.name.slice(mockDir.path.length + 1),
        file.content.toString(),
      ]),
    ).toEqual([
      ['lab/a-first.YAML', 'upper-case extension'],
      ['lab/hardware/rk1.yml', 'rk1'],
      ['lab/site.yaml', 'site'],
    ]);
  });

  it('reads a single file', async () => {
    const files = await readInventoryFromPath(mockDir.resolve('lab/site.yaml'));
    expect(files).toEqual([
      { name: mockDir.resolve('lab/site.yaml'), content: Buffer.from('site') },
    ]);
  });

  it('says so when the path does not exist', async () => {
    await expect(
      readInventoryFromPath(mockDir.resolve('missing')),
    ).rejects.toThrow(/inventory path .*missing does not exist/);
  });
});

/** A UrlReaderService over a fixed set of files, as a Git host would serve them. */
function readerFor(files: Record<string, string>): UrlReaderService {
  return {
    async readUrl(url) {
      const content = files[url];
      if (content === undefined) throw new Error(`not found: ${url}`);
      return {
        buffer: async () => Buffer.from(content),
        stream: () => {
          throw new Error('unused');
        },
      } as any;
    },
    async readTree(url, options) {
      const prefix = `${url.replace(/\/$/, '')}/`;
      const entries = Object.entries(files)
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, content]) => ({ path: key.slice(prefix.length), content }))
        .filter(entry => options?.filter?.(entry.path) ?? true);
      return {
        files: async () =>
          entries.map(entry => ({
            path: entry.path,
            content: async () => Buffer.from(entry.content),
          })),
      } as any;
    },
    async search() {
      throw new Error('unused');
    },
  };
}

describe('readInventoryFromUrl', () => {
  const base = 'https://git.lab.example/homelab/inventory/tree/main/inventory';
  const reader = readerFor({
    [`${base}/site.yaml`]: 'site',
    [`${base}/devices/rk1.yaml`]: 'rk1',
    [`${base}/README.md`]: 'docs',
    [`${base}/.github/workflow.yaml`]: 'ci',
  });

  it('reads a folder URL as a tree of YAML files named by their URLs', async () => {
    const files = await readInventoryFromUrl(reader, base);
    expect(files.map(file => [file.name, file.content.toString()])).toEqual([
      [`${base}/devices/rk1.yaml`, 'rk1'],
      [`${base}/site.yaml`, 'site'],
    ]);
  });

  it('reads a URL ending in .yaml as one file', async () => {
    const files = await readInventoryFromUrl(reader, `${base}/site.yaml`);
    expect(files).toEqual([
      { name: `${base}/site.yaml`, content: Buffer.from('site') },
    ]);
  });
});

describe('isUrlTarget', () => {
  it('tells URLs from local paths', () => {
    expect(
      isUrlTarget('https://github.com/lab/inventory/blob/main/lab.yaml'),
    ).toBe(true);
    expect(isUrlTarget('../../examples/homelab')).toBe(false);
    expect(isUrlTarget('/srv/inventory')).toBe(false);
    expect(isUrlTarget('C:\\inventory')).toBe(false);
  });
});

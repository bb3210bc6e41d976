import type { ClusterClient } from '@homelab/plugin-homelab-node';
import { heldAfterCollection } from '@homelab/plugin-homelab-node/testUtils';
import { listIfServed } from './listIfServed';

const TYPE = {
  group: 'aquasecurity.github.io',
  version: 'v1alpha1',
  plural: 'vulnerabilityreports',
};
const report = (name: string) => ({ metadata: { name } });

/** A client listing these pages, one at a time, and noting whether its listing was closed. */
function clientOf(pages: Array<Array<{ metadata: { name: string } }>>) {
  const listing = { closed: false };
  const client = {
    async *listPages() {
      try {
        for (const page of pages) yield page;
      } finally {
        listing.closed = true;
      }
    },
  } as unknown as ClusterClient;
  return { client, listing };
}

describe('listIfServed', () => {
  it('hands out every page in order and says the type is served', async () => {
    const { client } = clientOf([[report('a'), report('b')], [report('c')]]);
    const seen: string[][] = [];
    await expect(
      listIfServed(client, TYPE, page => {
        seen.push(page.map(r => r.metadata!.name!));
      }),
    ).resolves.toBe(true);
    expect(seen).toEqual([['a', 'b'], ['c']]);
  });

  it('says a type the API server answers 404 for is not served', async () => {
    const client = {
      // eslint-disable-next-line require-yield
      async *listPages() {
        throw Object.assign(new Error('not found'), { statusCode: 404 });
      },
    } as unknown as ClusterClient;
    await expect(listIfServed(client, TYPE, () => undefined)).resolves.toBe(
      false,
    );
  });

  it('says a type is not served when the client refuses it before any page', async () => {
    const client = {
      listPages() {
        throw Object.assign(new Error('not found'), { statusCode: 404 });
      },
    } as unknown as ClusterClient;
    await expect(listIfServed(client, TYPE, () => undefined)).resolves.toBe(
      false,
    );
  });

  it('stops between pages once aborted, and closes the listing', async () => {
    const { client, listing } = clientOf([[report('a')], [report('b')]]);
    const controller = new AbortController();
    const seen: string[] = [];
    const listed = listIfServed(
      client,
      TYPE,
      page => {
        seen.push(page[0].metadata!.name!);
        controller.abort(new Error('the collection was stopped'));
      },
      controller.signal,
    );
    await expect(listed).rejects.toThrow('the collection was stopped');
    expect(seen).toEqual(['a']);
    expect(listing.closed).toBe(true);
  });

  it('closes the listing when a page fails to be taken', async () => {
    const { client, listing } = clientOf([[report('a')], [report('b')]]);
    await expect(
      listIfServed(client, TYPE, () => {
        throw new Error('the store is gone');
      }),
    ).rejects.toThrow('the store is gone');
    expect(listing.closed).toBe(true);
  });

  it('lets a page go once it is taken, before the next is read', async () => {
    let firstPage: WeakRef<object> | undefined;
    let heldWhileReadingNext: boolean | undefined;
    const client = {
      async *listPages() {
        // Let go here as the cluster clients do, so that only the caller can hold it.
        let page: unknown[] | undefined = [report('a')];
        yield page;
        page = undefined;
        await new Promise(resolve => setTimeout(resolve, 20));
        heldWhileReadingNext = await heldAfterCollection(firstPage!);
        yield [report('b')];
      },
    } as unknown as ClusterClient;
    await listIfServed(client, TYPE, page => {
      firstPage ??= new WeakRef(page);
    });
    expect(heldWhileReadingNext).toBe(false);
  });
});

import { FindingIds, readFindingId } from './findingId';

const idOf = (shared: string[], own: Array<string | undefined>) => {
  const ids = new FindingIds().start(...shared).begin();
  for (const part of own) ids.add(part);
  return ids.id();
};

describe('FindingIds', () => {
  it('gives the same parts the same 16-hex-digit id, begun afresh for each finding', () => {
    const ids = new FindingIds().start('production', 'vulnerability', 'shop');
    const first = ids.begin().add('CVE-2024-0001').add('libssl3').id();
    const second = ids.begin().add('CVE-2024-0002').add('libssl3').id();
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(ids.begin().add('CVE-2024-0001').add('libssl3').id()).toBe(first);
    expect(second).not.toBe(first);
    expect(
      idOf(
        ['production', 'vulnerability', 'shop'],
        ['CVE-2024-0001', 'libssl3'],
      ),
    ).toBe(first);
    // Written as two 32-bit values, read as the same id.
    const hashes = new Int32Array(4);
    ids.begin().add('CVE-2024-0002').add('libssl3').write(hashes, 1);
    expect(readFindingId(hashes, 1)).toBe(second);
  });

  it('adds a part and keys it alone in one reading, as add and a fresh start would', () => {
    const keys = new Int32Array(4);
    for (const part of ['CVE-2024-0001', 'CVE-2024-00011', '', undefined]) {
      const shared = new FindingIds().start('production', 'shop');
      const both = shared.begin().addAndKey(part, keys, 1).add('libssl3').id();
      expect(both).toBe(shared.begin().add(part).add('libssl3').id());
      expect(readFindingId(keys, 1)).toBe(
        new FindingIds().start().add(part).id(),
      );
    }
  });

  it('tells parts apart by where they end, and by whether they are shared', () => {
    expect(idOf([], ['ab', 'c'])).not.toBe(idOf([], ['a', 'bc']));
    expect(idOf([], ['abc', ''])).not.toBe(idOf([], ['ab', 'c']));
    expect(idOf(['shop'], ['web'])).not.toBe(idOf(['web'], ['shop']));
    // An absent part is an empty one: a report leaving out a field it
    // once wrote as "" keeps the finding's id.
    expect(idOf([], ['a', undefined, 'b'])).toBe(idOf([], ['a', '', 'b']));
  });

  it('gives 200,000 findings of a large cluster 200,000 ids, on similar parts', () => {
    const ids = new FindingIds();
    const seen = new Set<string>();
    for (let workload = 0; workload < 2000; workload++) {
      ids.start(
        'production',
        'vulnerability',
        `ns-${workload % 40}`,
        'Deployment',
        `app-${workload}`,
        'app',
      );
      for (let v = 0; v < 100; v++) {
        seen.add(
          ids
            .begin()
            .add(`CVE-2024-${String(10000 + ((workload * 7 + v * 13) % 4000))}`)
            .add(['libssl3', 'zlib1g', 'stdlib'][v % 3])
            .add(`1.${v % 9}.${workload % 7}`)
            .id(),
        );
      }
    }
    expect(seen.size).toBe(200_000);
  });
});

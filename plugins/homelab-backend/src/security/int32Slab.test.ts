import { Int32Slab } from './int32Slab';

describe('Int32Slab', () => {
  it('cuts arrays of zeros that do not overlap, from one buffer until it is full', () => {
    const slab = new Int32Slab();
    const first = slab.take(3);
    const second = slab.take(5);
    expect([...first, ...second]).toEqual(new Array(8).fill(0));
    first.fill(1);
    second.fill(2);
    expect([...first]).toEqual([1, 1, 1]);
    expect([...second]).toEqual([2, 2, 2, 2, 2]);
    expect(second.buffer).toBe(first.buffer);
    // 65,536 values a buffer: the next 16,384 do not fit in what is left.
    for (let taken = 8; taken + 16384 <= 65536; taken += 16384)
      slab.take(16384);
    const next = slab.take(16384);
    expect(next.buffer).not.toBe(first.buffer);
    expect(next.every(value => value === 0)).toBe(true);
  });

  it('gives an array larger than a quarter of a buffer a buffer of its own', () => {
    const slab = new Int32Slab();
    const small = slab.take(10);
    const large = slab.take(20000);
    expect(large).toHaveLength(20000);
    expect(large.buffer).not.toBe(small.buffer);
    expect(slab.take(10).buffer).toBe(small.buffer);
  });
});

import { parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    // CPU as kubelets and charts write it.
    ['100m', 0.1],
    ['2', 2],
    ['0.5', 0.5],
    // Memory: binary and decimal suffixes, and a node's allocatable.
    ['64Mi', 64 * 2 ** 20],
    ['32495228Ki', 32495228 * 1024],
    ['1G', 1e9],
    ['898836525528', 898836525528],
    ['1e3', 1000],
    ['110', 110],
  ])('reads %s', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 9);
  });

  it.each([undefined, '', 'lots', '64 Mi', '1Qi'])(
    'leaves %p unknown',
    text => {
      expect(parseQuantity(text)).toBeUndefined();
    },
  );
});

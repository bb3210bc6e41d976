import { cpuQuantityText, memoryQuantityText } from './quantityText';

describe('quantities as people read them', () => {
  it('reads Kubernetes memory in TiB, GiB or MiB', () => {
    expect(memoryQuantityText('9909187887104')).toBe('9 TiB');
    expect(memoryQuantityText('1Ti')).toBe('1 TiB');
    expect(memoryQuantityText('1023Gi')).toBe('1023 GiB');
    expect(memoryQuantityText('32597628Ki')).toBe('31.1 GiB');
    expect(memoryQuantityText('8Gi')).toBe('8 GiB');
    expect(memoryQuantityText('512Mi')).toBe('512 MiB');
    expect(memoryQuantityText('16G')).toBe('14.9 GiB');
    expect(memoryQuantityText('a lot')).toBe('a lot');
  });

  it('reads CPU in cores', () => {
    expect(cpuQuantityText('8')).toBe('8 cores');
    expect(cpuQuantityText('1')).toBe('1 core');
    expect(cpuQuantityText('500m')).toBe('0.5 cores');
  });
});

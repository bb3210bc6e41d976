import { PRINTABLE_LENGTH, printable } from './printable';

describe('printable', () => {
  it('keeps ordinary names as they are', () => {
    expect(printable('flux-system/nextcloud')).toBe('flux-system/nextcloud');
    expect(printable('café 日本')).toBe('café 日本');
  });

  it('strips what forges or disguises log lines', () => {
    expect(
      printable(
        'a\nb\r\nc\u0000d\u001b[31me\u007ff\u0085g\u2028h\u2029i\u202ej\u2066k',
      ),
    ).toBe('abcd[31mefghijk');
  });

  it('cuts long input, without splitting a character', () => {
    const long = '😀'.repeat(PRINTABLE_LENGTH + 50);
    const cut = printable(long);
    expect(Array.from(cut)).toHaveLength(PRINTABLE_LENGTH + 1);
    expect(cut.endsWith('😀…')).toBe(true);
    expect(printable('x'.repeat(PRINTABLE_LENGTH))).toBe(
      'x'.repeat(PRINTABLE_LENGTH),
    );
  });
});

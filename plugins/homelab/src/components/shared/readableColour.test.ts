import { darkTheme, lightTheme } from '@backstage/theme';
import { getContrastRatio } from '@material-ui/core/styles';
import {
  READABLE_CONTRAST,
  readableFill,
  readableText,
} from './readableColour';

describe.each([
  ['light', lightTheme],
  ['dark', darkTheme],
])('colours read on Backstage’s %s theme', (_name, theme) => {
  const { palette } = theme;
  // The colours our chips, scores and budgets are drawn in.
  const statusColours = {
    'error.dark': palette.error.dark,
    'error.main': palette.error.main,
    'warning.main': palette.warning.main,
    'warning.dark': palette.warning.dark,
    'success.main': palette.success.main,
    'info.main': palette.info.main,
    'grey.500': palette.grey[500],
  };

  it.each(Object.entries(statusColours))(
    '%s as text reaches 4.5:1 on the page and on a card, in its own hue',
    (_key, colour) => {
      const text = readableText(theme, colour);
      for (const background of [
        palette.background.paper,
        palette.background.default,
      ])
        expect(getContrastRatio(text, background)).toBeGreaterThanOrEqual(
          READABLE_CONTRAST,
        );
      expect(text).not.toBe(palette.text.primary);
    },
  );

  it.each(Object.entries(statusColours))(
    '%s as a chip’s fill carries text that reaches 4.5:1',
    (_key, colour) => {
      const { backgroundColor, color } = readableFill(colour);
      expect(getContrastRatio(color, backgroundColor)).toBeGreaterThanOrEqual(
        READABLE_CONTRAST,
      );
    },
  );
});

describe('readableText', () => {
  it('leaves a colour that reads already as it is', () => {
    expect(readableText(lightTheme, '#b71c1c')).toBe('rgb(183, 28, 28)');
  });

  it('darkens the warning orange on a light theme and lightens it on a dark one', () => {
    const onLight = readableText(lightTheme, '#ff9800');
    const onDark = readableText(darkTheme, '#ff9800');
    // Darker than #ff9800 (luminance 0.47) on white; lighter on dark grey.
    expect(getContrastRatio(onLight, '#fff')).toBeGreaterThan(
      getContrastRatio('#ff9800', '#fff'),
    );
    expect(getContrastRatio(onDark, '#000')).toBeGreaterThanOrEqual(
      getContrastRatio('#ff9800', '#000'),
    );
  });
});

describe('readableFill', () => {
  it('writes white on a dark fill and black on a light one', () => {
    expect(readableFill('#b71c1c')).toEqual({
      backgroundColor: '#b71c1c',
      color: '#fff',
    });
    // #f44336 (the theme's error red): 3.68:1 with white, 5.70:1 with black.
    expect(readableFill('#f44336').color).toBe('#000');
  });
});

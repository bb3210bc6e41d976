import { darkTheme, lightTheme } from '@backstage/theme';
import { getContrastRatio } from '@material-ui/core/styles';
import { kindColours } from './topologyStyle';

describe.each([
  ['dark', darkTheme],
  ['light', lightTheme],
])('kindColours on the %s canvas', (_name, theme) => {
  // A shape must stand 3:1 apart from what is around it (WCAG 1.4.11); the
  // canvas is drawn on the theme's page background.
  it.each(Object.entries(kindColours(theme)))(
    'fills a %s 3:1 apart from the canvas',
    (_kind, fill) => {
      expect(
        getContrastRatio(fill, theme.palette.background.default),
      ).toBeGreaterThanOrEqual(3);
    },
  );

  it('tells every kind apart by its fill', () => {
    const fills = Object.values(kindColours(theme));
    expect(new Set(fills).size).toBe(fills.length);
  });
});

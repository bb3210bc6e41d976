import { darkTheme } from '@backstage/theme';
import { getContrastRatio } from '@material-ui/core/styles';
import { kindColours } from './topologyStyle';

describe('kindColours', () => {
  // A shape must stand 3:1 apart from what is around it (WCAG 1.4.11); the
  // canvas is drawn on the theme's page background.
  it.each(Object.entries(kindColours(darkTheme)))(
    'fills a %s 3:1 apart from the dark canvas',
    (_kind, fill) => {
      expect(
        getContrastRatio(fill, darkTheme.palette.background.default),
      ).toBeGreaterThanOrEqual(3);
    },
  );

  it('tells every kind apart by its fill on the dark canvas', () => {
    const fills = Object.values(kindColours(darkTheme));
    expect(new Set(fills).size).toBe(fills.length);
  });
});

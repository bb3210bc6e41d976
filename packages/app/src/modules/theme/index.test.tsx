import { getContrastRatio, Theme } from '@material-ui/core/styles';
import { themes } from '@backstage/theme';
import fs from 'node:fs';
import path from 'node:path';
import { readableLightTheme } from './index';

/** The light page background of @backstage/ui, as its stylesheet declares it. */
function buiLightPageBackground() {
  // Read from the package: tests map stylesheets to an empty module.
  const css = fs.readFileSync(
    path.join(
      path.dirname(require.resolve('@backstage/ui/package.json')),
      'dist/css/styles.css',
    ),
    'utf8',
  );
  // The first declaration is the light one; the dark theme's follows.
  return css.match(/--bui-bg-app:\s*#([0-9a-f]{6})/i)![1];
}

/** A translucent black text colour ("rgba(0, 0, 0, 0.6)") as drawn on a background. */
function drawnOn(text: string, backgroundHex: string) {
  const alpha = Number(/,\s*([\d.]+)\)$/.exec(text)![1]);
  const channels = [0, 2, 4].map(i =>
    Math.round(parseInt(backgroundHex.slice(i, i + 2), 16) * (1 - alpha)),
  );
  return `rgb(${channels.join(', ')})`;
}

const v4 = (theme: typeof readableLightTheme) => theme.getTheme('v4') as Theme;

describe('the portal’s light theme', () => {
  const page = buiLightPageBackground();

  it('draws secondary text at 4.5:1 or more on the page, where Backstage’s light theme falls short', () => {
    const ours = v4(readableLightTheme).palette.text.secondary;
    const backstage = v4(themes.light).palette.text.secondary;
    expect(getContrastRatio(drawnOn(backstage, page), `#${page}`)).toBeLessThan(
      4.5,
    );
    expect(
      getContrastRatio(drawnOn(ours, page), `#${page}`),
    ).toBeGreaterThanOrEqual(4.5);
  });

  it('is otherwise Backstage’s light theme', () => {
    const ours = v4(readableLightTheme).palette;
    const backstage = v4(themes.light).palette;
    expect(ours.text.primary).toBe(backstage.text.primary);
    expect(ours.primary).toEqual(backstage.primary);
    expect(ours.background).toEqual(backstage.background);
  });
});

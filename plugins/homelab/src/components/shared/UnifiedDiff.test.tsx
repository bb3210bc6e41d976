import { darkTheme, lightTheme } from '@backstage/theme';
import { getContrastRatio, ThemeProvider } from '@material-ui/core/styles';
import { render } from '@testing-library/react';
import { UnifiedDiff } from './UnifiedDiff';

const DIFF = [
  '--- a/apps/production/nextcloud-values.yaml',
  '+++ b/apps/production/nextcloud-values.yaml',
  '@@ -6,7 +6,7 @@',
  ' spec:',
  '-      version: 6.5.2',
  '+      version: 6.6.4',
].join('\n');

describe.each([
  ['light', lightTheme],
  ['dark', darkTheme],
])('UnifiedDiff on Backstage’s %s theme', (_name, theme) => {
  it('draws every line, marked by its + or -, in a colour that reads 4.5:1 on its background', () => {
    const { container } = render(
      <ThemeProvider theme={theme}>
        <UnifiedDiff text={DIFF} />
      </ThemeProvider>,
    );
    const lines = [...container.querySelectorAll('pre > span')];
    expect(lines.map(line => line.textContent)).toEqual(DIFF.split('\n'));
    const colours = new Set<string>();
    for (const line of lines as HTMLElement[]) {
      colours.add(line.style.color);
      expect(
        getContrastRatio(line.style.color, theme.palette.background.default),
      ).toBeGreaterThanOrEqual(4.5);
    }
    // Additions and removals each have their own.
    expect(colours.size).toBe(3);
  });
});

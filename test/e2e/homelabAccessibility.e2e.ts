import { expect, Page, test } from '@playwright/test';
import path from 'node:path';
import { signIn } from './signIn';

/*
 * Keyboard focus on the homelab's sortable tables, and an axe-core scan of
 * the homelab pages. axe-core is not a declared dependency of this
 * repository: it is read from node_modules where another package brought it.
 */

// The portal's Content-Security-Policy refuses inline scripts, as axe is
// injected; the test's own script is not the app's.
test.use({ bypassCSP: true });

// Undeclared until the owner of package.json adds axe-core to the
// devDependencies; then require.resolve('axe-core/axe.min.js').
const AXE_SCRIPT = path.join(
  __dirname,
  '../../node_modules/axe-core/axe.min.js',
);

const HOMELAB_PAGES = [
  '/homelab/overview',
  '/homelab/topology',
  '/homelab/security',
  '/homelab/slos',
  '/catalog/default/resource/production/homelab-cluster',
];

/** Tabs forward until a sortable header has the focus; its computed outline. */
async function tabToSortableHeader(page: Page) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const active = document.activeElement;
      if (!active?.classList.contains('MuiTableSortLabel-root')) return null;
      const style = getComputedStyle(active);
      return {
        header: active.textContent,
        style: style.outlineStyle,
        width: style.outlineWidth,
      };
    });
    if (outline) return outline;
  }
  throw new Error('no sortable header reached with Tab');
}

test('a sortable header focused from the keyboard shows an outline', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  // The SLOs are evaluated once the catalog has read the example apps.
  await expect(async () => {
    await page.goto('/homelab/slos');
    await expect(page.getByText('Nextcloud availability').first()).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 180_000 });
  const outline = await tabToSortableHeader(page);
  expect(outline).toMatchObject({ style: 'solid', width: '2px' });
  await page.screenshot({
    path: test.info().outputPath('slo-header-focus.png'),
  });
});

// Not met yet, so marked fixme rather than left failing the run: on
// 2026-12-02 it found serious or critical violations of 6 rules (19
// rule-page pairs) on these 5 pages: aria-valid-attr-value on the header
// tabs, nested-interactive on material-table's sortable headers,
// label-content-name-mismatch in the sidebar, color-contrast (topology
// filters, severity and burn-rate chips), link-in-text-block (findings).
// Remove fixme once they are fixed; the scan itself runs as written.
test.fixme(
  'axe-core finds no serious or critical violation on the homelab pages',
  async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page);
    const found: string[] = [];
    for (const url of HOMELAB_PAGES) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await page.addScriptTag({ path: AXE_SCRIPT });
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, {
          resultTypes: ['violations'],
        });
        return result.violations
          .filter((v: any) => ['serious', 'critical'].includes(v.impact))
          .map(
            (v: any) =>
              `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes
                .slice(0, 3)
                .map((n: any) => n.target.join(' '))
                .join(' | ')}`,
          );
      });
      found.push(...violations.map((v: string) => `${url} ${v}`));
    }
    expect(found).toEqual([]);
  },
);

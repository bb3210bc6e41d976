import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * Search in the portal: homelab Resources are indexed with their type and
 * facts (packages/backend/src/search), so a network is found by its VLAN,
 * and a type without documents yet (TechDocs) is no failing request.
 */

test('searching "vlan" finds the networks, titled with their VLAN, before the switch that supports VLANs', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Every request the search page makes, with its answer's status: it asks
  // each result type for its count, TechDocs too, which has no index here.
  const searchRequests: string[] = [];
  page.on('response', response => {
    const url = new URL(response.url());
    if (url.pathname === '/api/search/query')
      searchRequests.push(`${response.status()} ${url.search}`);
  });
  await signIn(page);
  // The catalog is indexed again every 30 s (app-config.e2e.yaml) until it
  // holds the example homelab.
  const vlanResults = page.getByRole('link', { name: /\(VLAN \d+\)$/ });
  await expect(async () => {
    await page.goto('/search?query=vlan');
    await expect(vlanResults.first()).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 150_000 });

  const titles = await page
    .getByRole('link', { name: /\(VLAN \d+\)$|switch/i })
    .allInnerTexts();
  const switchAt = titles.findIndex(t => /switch/i.test(t));
  const networks = titles.filter(t => /\(VLAN \d+\)$/.test(t));
  expect(networks.length).toBeGreaterThanOrEqual(5);
  // Every network comes before the switch, wherever the switch appears.
  if (switchAt >= 0) expect(switchAt).toBeGreaterThanOrEqual(networks.length);
  await expect(page.getByText('Network · VLAN 100').first()).toBeVisible();
  const techdocsCount = searchRequests.filter(r =>
    decodeURIComponent(r).includes('types[0]=techdocs'),
  );
  expect(techdocsCount.length).toBeGreaterThan(0);
  expect(searchRequests.filter(r => !r.startsWith('200 '))).toEqual([]);
  await page.screenshot({
    path: test.info().outputPath('search-vlan.png'),
    fullPage: true,
  });
});

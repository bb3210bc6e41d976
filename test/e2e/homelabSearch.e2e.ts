import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * Search in the portal: homelab Resources are indexed with their type and
 * facts (packages/backend/src/search), so a network is found by its VLAN.
 */

test('searching "vlan" finds the networks, titled with their VLAN, before the switch that supports VLANs', async ({
  page,
}) => {
  test.setTimeout(180_000);
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
  await page.screenshot({
    path: test.info().outputPath('search-vlan.png'),
    fullPage: true,
  });
});

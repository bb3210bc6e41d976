import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * A network's page and a load-balancer pool's page in the example homelab
 * (examples/homelab/network.yaml and clusters.yaml): the address plan at a
 * glance, not only a VLAN tag.
 */

test("serverlan's page shows its address plan, and the production pool's its addresses", async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/resource/serverlan');

  const card = page.locator('article, div').filter({
    has: page.getByText('Network', { exact: true }),
  });
  await expect(page.getByText('192.168.100.0/24')).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    card.getByText('192.168.100.1', { exact: true }).first(),
  ).toBeVisible();
  await expect(
    page.getByText('192.168.100.150–192.168.100.159 (10 addresses)'),
  ).toBeVisible();
  await expect(
    page.getByText('192.168.100.200–192.168.100.254 (55 addresses)'),
  ).toBeVisible();
  await expect(
    page.getByText('254 host addresses: 65 by DHCP, 1 reserved'),
  ).toBeVisible();
  await expect(page.getByText(/^\d+ devices?$/)).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('network-serverlan.png'),
    fullPage: true,
  });

  await page.goto('/catalog/default/resource/production-pool');
  await expect(
    page.getByText('192.168.100.160–192.168.100.179 (20 addresses)'),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('metallb, l2')).toBeVisible();
  // Traefik and Home Assistant hold its addresses in the demo's snapshot
  // (examples/snapshots/production/services.json), read by the collector.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('2 of 20 addresses')).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 90_000 });
  await expect(
    page.getByText('192.168.100.160 — traefik/traefik'),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('ip-pool-production.png'),
    fullPage: true,
  });
});

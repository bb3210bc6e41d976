import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * The Capacity card of the running portal on the example's production
 * cluster: allocatable and requests from the recorded snapshots
 * (examples/snapshots), use from the recorded Prometheus answers
 * (examples/prometheus), against the 70/80/75% targets of the example
 * inventory, read through the real backend.
 */

test("a cluster's page shows each node's headroom against the inventory's targets, with the trend", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const card = page.locator('.MuiCard-root').filter({
    has: page.getByText('Capacity', { exact: true }),
  });
  // The catalog reads the example inventory in the first seconds after start.
  await expect(async () => {
    await page.goto('/catalog/default/resource/production');
    await expect(
      card.getByRole('heading', { name: 'CPU (target 70%)' }),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 180_000 });
  await expect(
    card.getByRole('img', {
      name: /^Cluster: 2\.00 cores requested, [\d.]+ cores used, of 24\.00 cores allocatable; [\d.]+ cores headroom to the 70% target$/,
    }),
  ).toBeVisible();
  for (const node of ['rk1-1', 'rk1-2', 'rk1-3'])
    await expect(
      card.getByRole('img', { name: new RegExp(`^${node}: `) }).first(),
    ).toBeVisible();
  await expect(
    card.getByRole('heading', { name: 'Memory (target 80%)' }),
  ).toBeVisible();
  await expect(
    card
      .getByText(/^Rising: reaches the limit about \d{4}-\d{2}-\d{2}/)
      .first(),
  ).toBeVisible();
  await expect(
    card.getByRole('heading', { name: 'Storage (target 75%)' }),
  ).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: test.info().outputPath('capacity-card.png') });
});

test("the power tab shows every cluster's nodes as headroom bars and the hypervisor", async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/homelab/power');
  const section = page.locator('.MuiCard-root').filter({
    has: page.getByText('Capacity', { exact: true }),
  });
  await expect(section.getByRole('heading', { name: 'staging' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    section.getByRole('img', { name: /^rpi-staging: [\d.]+ cores requested/ }),
  ).toBeVisible();
  await expect(
    section.getByText(
      /^Proxmox VE server: \d+ guest\(s\) with .* vCPUs and .* GiB of memory \(Proxmox VE, read /,
    ),
  ).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({
    path: test.info().outputPath('capacity-power-tab.png'),
  });
});

import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * The blast-radius card of the example homelab's RK1 module 1, production's
 * only control plane (examples/homelab/clusters.yaml), worked out by the real
 * backend from the catalog and the recorded cluster snapshots.
 */

test("RK1 module 1's page says production loses its control plane, and a maintenance asks again", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  // The placement of pods comes with the first workloads collection, the
  // SLOs at risk once the SLOs are evaluated.
  await expect(async () => {
    await page.goto('/catalog/default/resource/rk1-1');
    await expect(
      page.getByText(/^Without RK1 module 1: production loses 1 of 3 nodes/),
    ).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText('Nextcloud availability')).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 180_000 });

  const card = page.locator('.MuiCard-root').filter({
    has: page.getByText('Blast radius', { exact: true }),
  });
  await expect(card.getByText('Control plane lost')).toBeVisible();
  await expect(
    card.getByText('etcd quorum lost (0 of 1 members left)'),
  ).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: test.info().outputPath('blast-radius-rk1-1.png'),
    fullPage: true,
  });

  await card.getByRole('button', { name: 'Maintenance' }).click();
  await expect(
    card.getByText('If RK1 module 1 is taken down for maintenance'),
  ).toBeVisible();

  await page.goto('/catalog/default/resource/rk1-2');
  await expect(
    page.getByText(/^Without RK1 module 2: production loses 1 of 3 nodes/),
  ).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Maintenance' }).click();
  await expect(page.getByText('Moves, keeps running').first()).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('blast-radius-rk1-2-maintenance.png'),
    fullPage: true,
  });
});

import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * The Power tab of the running portal with the example homelab: the Turing
 * Pi 2's plug recorded in examples/prometheus, the Raspberry Pi estimated
 * from the inventory, the rest not measured, read through the real backend.
 */

test('the power tab stacks each device over the week, says where each figure comes from and what it cost', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/homelab/power');
  await expect(page.getByRole('tab', { name: 'Power' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const board = page.getByRole('row').filter({ hasText: 'Turing Pi 2' });
  await expect(board.getByText('Measured', { exact: true })).toBeVisible();
  await expect(board.getByText('0.396 kWh')).toBeVisible();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'Raspberry Pi 4B' })
      .getByText('Estimated', { exact: true }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'QNAP TS-h973AX' })
      .getByText('Not measured', { exact: true }),
  ).toBeVisible();
  // The stacked chart is drawn with one band per device that has figures.
  const chart = page.getByTestId('power-history');
  await expect(chart.locator('.recharts-area')).toHaveCount(2);
  await expect(page.getByText('5 device(s), not counted')).toBeVisible();
  await expect(page.getByText('Apps, by CPU share')).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('power.png'),
    fullPage: true,
  });
});

test("a device's page shows its power with its source, and an app's page its share in each cluster", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const card = page.locator('.MuiCard-root').filter({
    has: page.getByText('Power', { exact: true }),
  });
  // The catalog reads the example inventory in the first seconds after start.
  await expect(async () => {
    await page.goto('/catalog/default/resource/turing-pi-2');
    await expect(card.getByText(/^Measured: avg_over_time/)).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 180_000 });
  await expect(card.getByText(/^0\.396 kWh · /)).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('power-card.png') });
  await page.goto('/catalog/default/component/nextcloud');
  await expect(page.getByText('In production (measured)')).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText('In staging (estimated)')).toBeVisible();
});

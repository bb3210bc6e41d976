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

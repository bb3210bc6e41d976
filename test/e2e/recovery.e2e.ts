import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * Backups and certificates in the running portal, read by the real backend's
 * collectors from the example's recorded snapshots (examples/snapshots):
 * production's hourly Vaultwarden backup whose newest run failed, and
 * staging's expired wildcard certificate. The portal replays the recording
 * as if recorded now (snapshotRecordedAt), so both read so whatever the day
 * the test runs, the expiry about five days before it.
 */

test('the security tab lists the failed backup and the expired certificate first', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const failed = page
    .getByRole('row')
    .filter({ hasText: 'Velero schedule hourly-vaultwarden' });
  // The collectors start 25 s after the backend.
  await expect(async () => {
    await page.goto('/homelab/security');
    await expect(failed).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 180_000 });
  await expect(failed.getByText('Failed', { exact: true })).toBeVisible();
  await expect(failed.getByText(/connect: connection refused$/)).toBeVisible();
  const expired = page
    .getByRole('row')
    .filter({ hasText: '*.staging.hallonen.se' });
  await expect(expired.getByText('Expired', { exact: true })).toBeVisible();
  await expect(
    expired.getByText(
      /^Expired on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ; renewal failed 6 times/,
    ),
  ).toBeVisible();
  const heading = page.getByRole('heading', { name: 'Backups' });
  await heading.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: test.info().outputPath('security-backups.png'),
    fullPage: true,
  });
});

test("an app's page shows its backups against the RPO and its certificate's expiry", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const card = page.locator('.MuiCard-root').filter({
    has: page.getByText('Backups and certificates', { exact: true }),
  });
  await expect(async () => {
    await page.goto('/catalog/default/component/vaultwarden');
    await expect(card.getByRole('list', { name: 'Backups' })).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 180_000 });
  await expect(
    card
      .getByRole('listitem')
      .filter({ hasText: 'Velero schedule hourly-vaultwarden (production)' })
      .getByText('Failed', { exact: true }),
  ).toBeVisible();
  await expect(
    card.getByText(/^vault\.local\.hallonen\.se: expires /),
  ).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: test.info().outputPath('recovery-card.png') });
});

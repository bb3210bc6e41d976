import { expect, Locator, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * An app's scorecard in the running portal: tech-insights with the homelab
 * module, its retrievers reading the real backend's collections of the
 * example's recorded snapshots (app-config.e2e.yaml runs them every minute).
 * Vaultwarden fails where the example is failing it: its hourly Velero
 * backup's newest run failed, Trivy reports critical vulnerabilities, its
 * staging HelmRelease's upgrade failed and its certificate expires within
 * 14 days; Home Assistant has no certificate, so that check is not known.
 */

/** A check's row of the card, by the check's name. */
const check = (card: Locator, name: string) =>
  card.getByRole('listitem').filter({ hasText: name });

test("an app's scorecard shows each check passed, failed or not known", async ({
  page,
}) => {
  test.setTimeout(360_000);
  await signIn(page);
  const card = page.locator('.MuiCard-root').filter({
    has: page.getByText('Scorecard', { exact: true }),
  });
  // Until the retrievers have run after the collectors have read everything:
  // before, a check is not known (no facts yet, or no Flux object matched to
  // the app while the catalog was still empty).
  await expect(async () => {
    await page.goto('/catalog/default/component/vaultwarden');
    await expect(
      card.getByText('2 of 6 passed · 4 failed · 0 not known'),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 300_000 });
  const expected: Array<[string, string, RegExp]> = [
    ['SLO defined', 'Passed', /^SLOs: Vaultwarden availability/],
    [
      'Backups within RPO',
      'Failed',
      /^production\/velero\/velero\/hourly-vaultwarden: The last backup/,
    ],
    [
      'No critical vulnerabilities',
      'Failed',
      /^4 critical in production, staging/,
    ],
    [
      'Flux Ready',
      'Failed',
      /^staging: HelmRelease flux-system\/vaultwarden is False \(UpgradeFailed\)/,
    ],
    [
      'Certificates valid > 14 days',
      'Failed',
      /^expires soon: production\/vaultwarden\/vaultwarden-tls in \d+ days/,
    ],
    ['Inventory valid', 'Passed', /^hallonen: valid/],
  ];
  for (const [name, result, reason] of expected) {
    const row = check(card, name);
    await expect(row.getByText(result, { exact: true })).toBeVisible();
    // The reason, as of the collection its facts come from.
    await expect(row.getByText(reason)).toHaveText(
      / · as of \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    );
  }
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({
    path: test.info().outputPath('scorecard-vaultwarden.png'),
  });

  await page.goto('/catalog/default/component/home-assistant');
  const certificates = check(card, 'Certificates valid > 14 days');
  await expect(
    certificates.getByText('Not known', { exact: true }),
  ).toBeVisible();
  await expect(
    certificates.getByText(/^no cert-manager Certificate belongs to it/),
  ).toBeVisible();
  await expect(
    card.getByText('5 of 6 passed · 0 failed · 1 not known'),
  ).toBeVisible();
});

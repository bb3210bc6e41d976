import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * The running portal's notifications: homelab.notifications is enabled in
 * app-config.yaml. Vaultwarden's SLO burns its budget slowly in the recorded
 * Prometheus answers (examples/prometheus), and the recorded Trivy reports
 * (examples/snapshots) give nextcloud critical vulnerabilities and
 * production's hourly Vaultwarden backup a failed last run, so after the
 * first collections the homelab backend notifies the owners of those apps,
 * homelab-admins, whose member the guest is.
 */

const row = (page: import('@playwright/test').Page, title: string) =>
  page.getByRole('row').filter({ hasText: title });

test('the notifications page shows the homelab conditions of the example: an SLO ticket, critical vulnerabilities and a failed backup', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page);
  const ticket = row(
    page,
    'SLO Vaultwarden availability burns its error budget slowly (ticket)',
  );
  const critical = row(
    page,
    '6 critical vulnerabilities in component:default/nextcloud on cluster production',
  );
  // The list shows five at a time, the newest first; its filter finds each.
  const filter = async (text: string) => {
    await page.getByPlaceholder('Filter').fill(text);
  };
  // The first SLO and security collections run 40 seconds after start, once
  // the catalog has read the example apps; the notifications follow them.
  await expect(async () => {
    await page.goto('/notifications');
    await filter('Vaultwarden availability');
    await expect(ticket).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 240_000 });
  await expect(ticket).toContainText(
    /Objective 99\.9%: burn rate [\d.]+x over 1d and [\d.]+x over 2h \(alert at 3\.0x\)/,
  );
  await expect(ticket).toContainText('homelab:slo-slow-burn');
  await page.screenshot({
    path: test.info().outputPath('notifications-slo-ticket.png'),
    fullPage: true,
  });
  await filter('nextcloud on cluster production');
  await expect(critical).toBeVisible();
  await expect(critical).toContainText('homelab:critical-vulnerabilities');
  // The sidebar's notifications item has a dot for the unread ones.
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    sidebar
      .getByRole('link', { name: 'Notifications', exact: true })
      .locator('.MuiBadge-dot:not(.MuiBadge-invisible)'),
  ).toBeVisible();
  // New notifications arriving through signals reload the list meanwhile.
  await expect(critical).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('notifications-critical.png'),
    fullPage: true,
  });

  const backup = row(
    page,
    'Backup velero hourly-vaultwarden on cluster production failed',
  );
  await filter('hourly-vaultwarden');
  await expect(backup).toBeVisible();
  await expect(backup).toContainText(/ended Failed: rpc error/);
  await expect(backup).toContainText('homelab:backup-missed');

  // Each notification links to the entity it concerns.
  await filter('Vaultwarden availability');
  await ticket
    .getByRole('link', {
      name: 'SLO Vaultwarden availability burns its error budget slowly (ticket)',
    })
    .click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/vaultwarden/);
});

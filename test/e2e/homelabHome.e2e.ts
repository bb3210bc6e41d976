import { expect, Page, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * The homelab's overview, where the Homelab page opens: the estate in one
 * line and one row per app, with the numbers of the demo's cluster
 * snapshots and recorded Prometheus answers (examples/).
 */

async function openOverview(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  // The portal opens at the overview, its landing page.
  await signIn(page);
  await expect(page).toHaveURL(/\/homelab\/overview/);
  const apps = page.getByRole('table', { name: 'Apps' });
  const nextcloud = apps.getByRole('row').filter({ hasText: 'Nextcloud' });
  // The collectors run a few seconds after start, and the catalog reads the
  // apps' entities (which link an app to its SLOs) soon after.
  test.setTimeout(360_000);
  await expect(async () => {
    await page.reload();
    await expect(nextcloud.getByText(/left/)).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 150_000 });
  return { apps, nextcloud };
}

test('the overview shows each app at a glance: up, version per environment, SLO budget and worst vulnerability, each leading to its detail', async ({
  page,
}) => {
  const { apps, nextcloud } = await openOverview(page);
  for (const header of ['App', 'State', 'staging', 'production', 'SLO budget'])
    await expect(
      apps.getByRole('columnheader', { name: header, exact: true }),
    ).toBeVisible();
  for (const app of ['Nextcloud', 'Vaultwarden', 'Home Assistant'])
    await expect(apps.getByRole('link', { name: app })).toBeVisible();
  // Production runs the chart one release behind staging.
  await expect(nextcloud.getByText('6.5.2')).toBeVisible();
  await expect(
    nextcloud.getByRole('link', { name: '-32.5% left' }),
  ).toBeVisible();
  await expect(
    nextcloud.getByText(/SLO Nextcloud availability: breaching/),
  ).toBeVisible();
  await expect(
    page.getByText('Kubernetes nodes up', { exact: true }),
  ).toBeVisible();
  // A platform service is an entity per cluster: its row is titled by the
  // service, and each environment's version links to that cluster's entity.
  // Flux's own Kustomizations all belong to Flux CD: each of their rows says
  // which it is. Flux is read every 2 minutes, and a Kustomization read
  // before the catalog held its entity has no row until the next read.
  const fluxRows = apps.getByRole('row').filter({
    has: page.getByRole('cell', { name: /^Flux CD Kustomization / }),
  });
  await expect(async () => {
    await page.reload();
    await expect(fluxRows).toHaveCount(3, { timeout: 10_000 });
  }).toPass({ timeout: 150_000 });
  for (const kustomization of ['apps', 'flux-system', 'infrastructure']) {
    const row = fluxRows.filter({
      has: page.getByText(`Kustomization ${kustomization}`, { exact: true }),
    });
    for (const cluster of ['staging', 'production'])
      await expect(
        row.getByRole('link', { name: new RegExp(`: Flux CD in ${cluster}$`) }),
      ).toHaveAttribute('href', `/catalog/default/component/${cluster}-flux`);
  }
  await expect(apps.getByText('Flux CD (production)')).toHaveCount(0);
  await page.screenshot({
    path: test.info().outputPath('home.png'),
    fullPage: true,
  });

  // Both clusters' Trivy reports name CVEs in the apps' images: the worst
  // links to them once the security collection has read the catalog's apps.
  await expect(async () => {
    await page.reload();
    await expect(
      nextcloud
        .getByRole('cell')
        .last()
        .getByRole('link', { name: /^critical CVE-/ }),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  for (const [app, worst] of [
    ['Vaultwarden', /^critical CVE-/],
    ['Home Assistant', /^high CVE-/],
  ] as const)
    await expect(
      apps
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: app, exact: true }) })
        .getByRole('link', { name: worst }),
    ).toBeVisible();
  // An app whose findings were not read says "not known", and why.
  await expect(
    apps.getByRole('cell', { name: /^not known no catalog entity/ }).first(),
  ).toBeVisible();
  await expect(apps.getByRole('cell', { name: /^not known$/ })).toHaveCount(0);
  await nextcloud.getByRole('link', { name: '-32.5% left' }).click();
  await expect(page).toHaveURL(/\/homelab\/slos\?slo=/);
  await expect(page.getByText('Error budget burn-down')).toBeVisible();
});

test('the overview in the dark theme', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('theme', 'dark'));
  await openOverview(page);
  await page.screenshot({
    path: test.info().outputPath('home-dark.png'),
    fullPage: true,
  });
});

test('a device’s page leads with its hardware card and has no TechDocs tab without docs', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page.goto('/catalog/default/resource/rk1-1');
  await expect(
    page.getByRole('heading', { name: 'RK1 module 1' }),
  ).toBeVisible();
  await expect(page.getByText('Hardware', { exact: true })).toBeVisible();
  await expect(page.getByText('Turing Machines RK1')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'TechDocs' })).toHaveCount(0);
  await expect(
    page.getByRole('link', { name: 'TechDocs', exact: true }),
  ).toHaveCount(0);
  await page.screenshot({
    path: test.info().outputPath('device.png'),
    fullPage: true,
  });

  // The board says which of its slots the modules use.
  await page.goto('/catalog/default/resource/turing-pi-2');
  await expect(
    page.getByText(/^4 — 3 used \(rk1-1, rk1-2, rk1-3\), 1 free$/),
  ).toBeVisible();
});

import { Page, expect, test } from '@playwright/test';
import { signIn } from './signIn';

/** Reloads a page until the catalog has ingested what it shows. */
async function untilVisible(
  page: Page,
  locator: ReturnType<Page['getByText']>,
) {
  await expect(async () => {
    await page.reload();
    await expect(locator).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

test('the catalog lists the example homelab: hardware, networks, pools, storage, clusters and nodes', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog?filters%5Bkind%5D=resource&filters%5Buser%5D=all');
  // 11 devices (one a VM), 8 networks, 2 clusters, 4 nodes, 2 pools, 8 storage,
  // 4 backup jobs, 6 external services, and the container Proxmox VE runs
  // that the inventory does not list (examples/proxmox).
  await untilVisible(page, page.getByText('All Resources (46)'));
  await page.getByPlaceholder('Search').fill('rk1');
  for (const name of [
    'RK1 module 1',
    'RK1 module 2',
    'RK1 module 3',
    'rk1-1 (production)',
  ]) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.getByPlaceholder('Search').fill('longhorn');
  for (const name of [
    'longhorn-fast',
    'longhorn-standard',
    'longhorn-backup',
    'longhorn-staging',
  ]) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.screenshot({
    path: test.info().outputPath('resources.png'),
    fullPage: true,
  });

  await page.goto(
    '/catalog?filters%5Bkind%5D=component&filters%5Buser%5D=all&filters%5Btype%5D=platform-service',
  );
  await expect(
    page.getByText('All platform-service Components (22)'),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Flux CD (production)' }),
  ).toBeVisible();
});

test('a device page draws its physical relations, and the graph leads to the board it sits in', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/resource/rk1-1');
  await expect(
    page.getByRole('heading', { name: 'RK1 module 1' }),
  ).toBeVisible();
  const graph = page.locator('svg').filter({ hasText: 'Turing Pi 2' });
  await expect(graph.getByText('hostedOn').first()).toBeVisible();
  await expect(graph.getByText('connectedTo')).toBeVisible();
  await expect(graph.getByText('ServerLAN', { exact: true })).toBeVisible();
  await expect(
    graph.getByText('rk1-1 (production)', { exact: true }),
  ).toBeVisible();
  await expect(page.getByText(/processing error/i)).toHaveCount(0);
  await page.screenshot({
    path: test.info().outputPath('rk1-1.png'),
    fullPage: true,
  });

  await graph.getByText('Turing Pi 2', { exact: true }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/resource\/turing-pi-2/);
  await expect(
    page.getByText('4-slot cluster board carrying the production RK1 modules'),
  ).toBeVisible();
});

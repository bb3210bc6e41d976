import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

test('the portal loads and its catalog lists this repository as a component', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true })
    .click();
  await expect(page).toHaveURL(/\/catalog/);

  // The backend ingests catalog-info.yaml shortly after it reports ready, so
  // the first catalog page may still be empty: reload until the entity shows.
  const component = page.getByRole('link', { name: 'Homelab Platform' });
  await expect(async () => {
    await page.reload();
    await expect(component).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('catalog.png') });

  await component.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/homelab-platform/,
  );
  await expect(
    page
      .getByText('Backstage plugins that turn a homelab', { exact: false })
      .first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'homelab-admins' }).first(),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('component.png') });
});

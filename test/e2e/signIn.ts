import { Page, expect } from '@playwright/test';

/** Signs in as the guest user and waits for the portal's navigation. */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    sidebar.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * The example's Proxmox VE server (its recorded answer, examples/proxmox)
 * merged with the inventory by the catalog module.
 */

test('a guest that Proxmox VE runs and the inventory does not list is in the catalog, marked so', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/resource/home-assistant');

  await expect(
    page.getByRole('heading', { name: 'home-assistant' }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByText(
      'Container 101 on Proxmox VE node proxmox (proxmox); the inventory does not list it.',
    ),
  ).toBeVisible();
  await expect(page.getByText('not-in-inventory').first()).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('proxmox-guest.png'),
    fullPage: true,
  });

  // The inventory's own VM (vmid 100) is merged with its guest, not doubled.
  await page.goto('/catalog/default/resource/pve-docker-100');
  await expect(page.getByText('Entity not found')).toBeVisible();
  await page.goto('/catalog/default/resource/pve-docker');
  await expect(
    page.getByRole('heading', { name: 'Docker host VM' }),
  ).toBeVisible();
});

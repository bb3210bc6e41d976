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
  // The hardware card leads with it, then what Proxmox says of it now.
  await expect(
    page.getByText(
      'Not in the inventory: Proxmox VE proxmox runs lxc/101; the inventory does not list it.',
    ),
  ).toBeVisible();
  await expect(page.getByText('LXC container')).toBeVisible();
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
  const live = page.getByTestId('guest-live-facts');
  await expect(live.getByText('running')).toBeVisible();
  // The demo reads a recorded answer, and says so.
  await expect(live.getByText(/Recorded \(not a live server\)/)).toBeVisible();
  await expect(live.getByText('proxmox (Proxmox VE proxmox)')).toBeVisible();
  await expect(live.getByText('23 d 0 h')).toBeVisible();
  await expect(live.getByText('5.5 GiB of 8 GiB')).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('proxmox-vm-live.png'),
    fullPage: true,
  });

  // The Proxmox node is the inventory's device of the same name: what Proxmox
  // says of it and its storage is on its hardware card.
  await page.goto('/catalog/default/resource/proxmox');
  const host = page.getByTestId('host-live-facts');
  await expect(host.getByText('online')).toBeVisible({ timeout: 30_000 });
  await expect(host.getByText(/Recorded \(not a live server\)/)).toBeVisible();
  await expect(host.getByText('4% of 16 CPUs')).toBeVisible();
  await expect(host.getByText('13.2 GiB of 62.7 GiB')).toBeVisible();
  await expect(host.getByText('85 GiB of 1.7 TiB (lvmthin)')).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('proxmox-host-live.png'),
    fullPage: true,
  });
});

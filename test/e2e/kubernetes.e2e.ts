import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * Backstage's own Kubernetes tab, fed by
 * @homelab/plugin-kubernetes-backend-module-homelab: the example's clusters
 * are recorded snapshots, served read-only by the module on 127.0.0.1.
 */

test("nextcloud's Kubernetes tab shows its pods in both clusters, titled as recorded", async ({
  page,
}) => {
  await signIn(page);
  // Run first, the catalog may not have read the example apps yet.
  await expect(async () => {
    await page.goto('/catalog/default/component/nextcloud/kubernetes');
    await expect(page.getByText('Your Clusters')).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 60_000 });

  // No auth provider error: the clusters are signed in on the backend.
  await expect(page.getByText(/oidcProvider|no .* configured/i)).toHaveCount(0);
  for (const cluster of ['production', 'staging']) {
    await expect(
      page.getByText(`${cluster} (recorded snapshot, read-only)`),
    ).toBeVisible({ timeout: 30_000 });
  }
  await page.screenshot({
    path: test.info().outputPath('kubernetes-tab.png'),
    fullPage: true,
  });

  // A cluster's deployments and their pods, as the recording holds them.
  const production = page.getByText(
    'production (recorded snapshot, read-only)',
  );
  await production.click();
  await expect(page.getByText('nextcloud-postgresql')).toBeVisible();
  await expect(page.getByText('Stateful Set')).toBeVisible();
  await expect(page.getByText('Deployment', { exact: true })).toBeVisible();
  await expect(page.getByText('2 pods')).toHaveCount(2);
  await page.screenshot({
    path: test.info().outputPath('kubernetes-tab-production.png'),
    fullPage: true,
  });
});

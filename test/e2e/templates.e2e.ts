import { expect, Page, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * The three homelab templates, opened, filled and run to the end in the
 * running portal. Its repositories are local git repositories seeded from
 * examples/ (test/e2e/app-config.e2e.yaml), so each run ends in a commit
 * whose diff the task shows, as in `npm start`.
 */

/**
 * Waits for the task to finish and returns the text of its "Committed"
 * output: the commit and its diff. A failed task never shows it.
 */
async function committed(page: Page): Promise<string> {
  await page.waitForURL(/\/create\/tasks\//);
  const output = page.getByRole('button', { name: 'Committed' });
  await expect(output).toBeVisible({ timeout: 120_000 });
  await output.click();
  return page.locator('body').innerText();
}

/** Types into a catalog picker and takes the entity it offers. */
async function pick(page: Page, field: string, typed: string, option: string) {
  await page.getByRole('textbox', { name: field, exact: true }).fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Opens "Provision a node" and fills its first step for rk1-4 of production on ServerLAN. */
async function nameTheNode(page: Page) {
  await signIn(page);
  await page.goto('/create/templates/default/provision-node');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('rk1-4');
  await pick(page, 'Cluster', 'production', 'Production cluster');
  await pick(page, 'Network', 'serverlan', 'ServerLAN');
}

test('"Deploy an app with Flux" runs to the end: the app is committed to the GitOps repository with its diff', async ({
  page,
}) => {
  await signIn(page);
  // The fit is checked against the catalog's clusters: wait for staging's.
  await expect(async () => {
    await page.goto('/catalog/default/resource/staging');
    await expect(
      page.getByRole('heading', { name: /Staging cluster/ }).first(),
    ).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 120_000 });
  await page.goto('/create/templates/default/deploy-app-with-flux');
  // A field's own error stays with the field; the form stays.
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Who Am I');
  await pick(page, 'Owner', 'homelab', 'homelab-admins');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/must match pattern/).first()).toBeVisible();
  await name.fill('whoami');
  // New apps start in staging: the picker is filled in.
  await expect(
    page.getByRole('button', { name: 'system:default/staging' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  await page
    .getByRole('textbox', { name: 'Helm repository URL' })
    .fill('https://traefik.github.io/charts');
  await page
    .getByRole('textbox', { name: 'Chart', exact: true })
    .fill('whoami');
  // A required field left empty is refused at the field.
  const version = page.getByRole('textbox', { name: 'Chart version' });
  await page.getByRole('button', { name: 'Next' }).click();
  expect(
    await version.evaluate(
      input => (input as HTMLInputElement).validity.valueMissing,
    ),
  ).toBe(true);
  await version.fill('5.2.0');
  await page
    .getByRole('textbox', { name: 'Helm values (YAML)' })
    .fill('replicas: 1\n');
  await page.getByRole('button', { name: 'Next' }).click();

  // Will it fit: staging's Raspberry Pi, from the recorded capacity.
  const staging = page.getByTestId('fit-staging-staging');
  await expect(
    staging.getByText('1 × 0.1 cores and 128 MiB fit: 1 on rpi-staging'),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Memory' }).fill('8Gi');
  await expect(staging.getByText('Placement · Does not fit')).toBeVisible();
  await expect(
    staging.getByText(
      /^replica 1 of 1 fits on no node: the roomiest, rpi-staging, has [\d.]+ cores?, [\d.]+ GiB and \d+ pods left for requests$/,
    ),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('deploy-fit.png'),
    fullPage: true,
  });
  await page.getByRole('textbox', { name: 'Memory' }).fill('128Mi');
  await expect(staging.getByText('Placement · Fits')).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.screenshot({
    path: test.info().outputPath('deploy-review.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Create' }).click();

  const text = await committed(page);
  expect(text).toMatch(/Commit [0-9a-f]{40} on the local GitOps repository/);
  for (const line of [
    '+++ b/apps/base/whoami/release.yaml',
    '+++ b/apps/staging/whoami-values.yaml',
    '+      version: 5.2.0',
    '+  - ../base/whoami',
    '+++ b/apps/base/whoami/catalog-info.yaml',
  ]) {
    expect(text).toContain(line);
  }
  await page.screenshot({
    path: test.info().outputPath('deploy-task.png'),
    fullPage: true,
  });
});

test('"Provision a node" runs to the end for a machine that runs already: the inventory commit takes its reserved address', async ({
  page,
}) => {
  await nameTheNode(page);
  await page
    .getByRole('textbox', { name: 'Static IPv4 address' })
    .fill('192.168.100.14');
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByLabel('Where it runs').click();
  await page
    .getByRole('option', {
      name: 'A machine that runs already (add it to the inventory only)',
    })
    .click();
  await page.getByLabel('Kind of machine').click();
  await page.getByRole('option', { name: 'Compute module in a board' }).click();
  await pick(page, 'Board it sits in', 'turing', 'Turing Pi 2');
  await page.getByRole('spinbutton', { name: 'Slot' }).fill('4');
  await page
    .getByRole('textbox', { name: 'Talos install disk' })
    .fill('/dev/nvme0n1');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByText(/A machine that runs already takes no slot/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const text = await committed(page);
  expect(text).toMatch(/Commit [0-9a-f]{40} on the local inventory repository/);
  // The reservation kept for it leaves the inventory in the same commit.
  expect(text).toContain('-      - start: 192.168.100.14');
  expect(text).toContain('+++ b/talos/production/rk1-4.patch.yaml');
  expect(text).toContain('+  - name: rk1-4');
  // Nothing was contacted: the task log says so.
  await page.getByPlaceholder('Search').fill('runs already');
  await expect(
    page.getByText(
      'rk1-4 runs already: nothing is contacted; it is added to the inventory with its join configuration',
    ),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('provision-task.png'),
    fullPage: true,
  });
});

test('"Provision a node" says before Create whether a Turing Pi slot is free and whether a VM fits its Proxmox server', async ({
  page,
}) => {
  await nameTheNode(page);
  await page.getByRole('button', { name: 'Next' }).click();

  // Slot 1 holds rk1-1; slot 4 is free; the inventory states no supply.
  // The example's only board (and only server) is filled in by the picker.
  await expect(
    page.getByRole('textbox', { name: 'Board', exact: true }),
  ).toHaveValue('resource:default/turing-pi-2');
  const slot = page.getByRole('spinbutton', { name: 'Slot' });
  await slot.fill('1');
  await page.getByRole('button', { name: 'Next' }).click();
  const fit = page.getByTestId('node-fit');
  await expect(
    fit.getByText('slot 1 of turing-pi-2 holds rk1-1'),
  ).toBeVisible();
  await expect(fit.getByText('Does not fit').first()).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await slot.fill('4');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(fit.getByText('slot 4 of turing-pi-2 is free')).toBeVisible();
  await expect(
    fit.getByText(
      'the inventory states no power supply for turing-pi-2 (power.supplyW)',
    ),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('provision-fit-slot.png'),
    fullPage: true,
  });

  // A VM of 64 GB on the Proxmox server, against its recorded live figures.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByLabel('Where it runs').click();
  await page
    .getByRole('option', { name: 'A Proxmox VE virtual machine' })
    .click();
  await expect(
    page.getByRole('textbox', { name: 'Proxmox server', exact: true }),
  ).toHaveValue('resource:default/proxmox');
  await page.getByRole('spinbutton', { name: 'Memory (GB)' }).fill('64');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    fit.getByText(/^The host and its guests as Proxmox VE reported them /),
  ).toBeVisible();
  await expect(fit.getByText('vCPUs · Fits')).toBeVisible();
  await expect(
    fit.getByText(
      /^[\d.]+ GiB of [\d.]+ GiB as Proxmox VE reports with this VM's 64\.0 GiB: more than the host has$/,
    ),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('provision-fit-vm.png'),
    fullPage: true,
  });
});

test('"Promote to production" shows what will change before it is created, then commits the promotion', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/create/templates/default/promote-release');
  await page
    .getByRole('textbox', { name: 'App', exact: true })
    .fill('nextcloud');
  // From and To default to staging and production.
  await page.getByRole('button', { name: 'Next' }).click();

  const preview = page.getByTestId('promotion-preview');
  await expect(
    preview.getByText('nextcloud: staging 6.6.4 → production (now 6.5.2)'),
  ).toBeVisible({ timeout: 30_000 });
  const change = preview.getByRole('row', {
    name: /HelmRelease nextcloud chart version/,
  });
  await expect(change.getByText('6.5.2')).toBeVisible();
  await expect(change.getByText('6.6.4')).toBeVisible();
  await expect(
    change.getByText(
      'apps/production/nextcloud-values.yaml: spec.chart.spec.version',
    ),
  ).toBeVisible();
  await expect(preview.getByTestId('gate-fluxReady')).toContainText(
    'fluxReady · required · passed',
  );
  // The demo's nextcloud SLO is breaching: the advisory gate says so.
  await expect(preview.getByTestId('gate-errorBudget')).toContainText(
    'errorBudget · advisory · failed',
  );
  await expect(preview.getByTestId('promotion-diff')).toContainText(
    '+      version: 6.6.4',
  );
  await page.screenshot({
    path: test.info().outputPath('promote-preview.png'),
    fullPage: true,
  });

  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('6.6.4')).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('promote-review.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Create' }).click();

  const text = await committed(page);
  expect(text).toMatch(/Commit [0-9a-f]{40} on the local GitOps repository/);
  expect(text).toContain('-      version: 6.5.2');
  expect(text).toContain('+      version: 6.6.4');
  await page.screenshot({
    path: test.info().outputPath('promote-task.png'),
    fullPage: true,
  });
});

test('"Promote to production" warns in the preview when a required gate would stop it', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/create/templates/default/promote-release');
  await page
    .getByRole('textbox', { name: 'App', exact: true })
    .fill('vaultwarden');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByText(/A required gate would stop this promotion now: fluxReady/),
  ).toBeVisible({ timeout: 30_000 });
  await page.screenshot({
    path: test.info().outputPath('promote-blocked-preview.png'),
    fullPage: true,
  });
});

import { expect, Locator, Page, test } from '@playwright/test';
import path from 'node:path';
import { signIn } from './signIn';

/*
 * Keyboard focus on the homelab's sortable tables, and every homelab page,
 * card and form opened in both themes: drawn with its data, saved as a
 * screenshot and scanned by axe-core for serious or critical violations.
 */

// The portal's Content-Security-Policy refuses inline scripts, as axe is
// injected; the test's own script is not the app's.
test.use({ bypassCSP: true });

const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

/** Tabs forward until a sortable header has the focus; its computed outline. */
async function tabToSortableHeader(page: Page) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const active = document.activeElement;
      if (!active?.classList.contains('MuiTableSortLabel-root')) return null;
      const style = getComputedStyle(active);
      return {
        header: active.textContent,
        style: style.outlineStyle,
        width: style.outlineWidth,
      };
    });
    if (outline) return outline;
  }
  throw new Error('no sortable header reached with Tab');
}

test('a sortable header focused from the keyboard shows an outline', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  // The SLOs are evaluated once the catalog has read the example apps.
  await expect(async () => {
    await page.goto('/homelab/slos');
    await expect(page.getByText('Nextcloud availability').first()).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 180_000 });
  const outline = await tabToSortableHeader(page);
  expect(outline).toMatchObject({ style: 'solid', width: '2px' });
  await page.screenshot({
    path: test.info().outputPath('slo-header-focus.png'),
  });
});

/** A page of the homelab, and what shows once its data has been read. */
type HomelabPage = {
  name: string;
  url: string;
  ready: (page: Page) => Locator;
};

/*
 * With HOMELAB_SCREENSHOTS_DIR set (docs/screenshots for the plugin's
 * README), the pages the README shows are also saved there as the window
 * shows them, 1440x900, as <name>-<theme>.png, and the whole topology page
 * as topology-whole-<theme>.png.
 */
const SCREENSHOTS_DIR = process.env.HOMELAB_SCREENSHOTS_DIR;
const README_PAGES = ['overview', 'device', 'network', 'topology', 'slos'];

const HOMELAB_PAGES: HomelabPage[] = [
  {
    name: 'topology',
    url: '/homelab/topology',
    // The inventory read: before, the graph holds only the clusters, their
    // namespaces and load-balancer IPs (39 nodes on the demo).
    ready: page => page.getByText(/^([4-9]\d|\d{3,}) nodes, \d+ connections/),
  },
  // After the topology, which waits for the inventory: first, the estate
  // strip read '0 of 0' nodes and 0 devices.
  // The apps' budgets read, and the platform services' Flux objects read
  // after the catalog held their entities (Flux is read every 2 minutes):
  // each release links to its cluster's entity.
  {
    name: 'overview',
    url: '/homelab/overview',
    ready: page =>
      page
        .getByRole('table', { name: 'Apps' })
        .filter({
          has: page
            .getByRole('row')
            .filter({ hasText: 'Nextcloud' })
            .getByText(/left/),
        })
        .filter({
          has: page.getByRole('link', { name: /: MetalLB in production$/ }),
        }),
  },
  {
    name: 'security',
    url: '/homelab/security',
    ready: page => page.getByRole('link', { name: /^CVE-/ }).first(),
  },
  {
    name: 'slos',
    url: '/homelab/slos',
    ready: page => page.getByText('Nextcloud availability').first(),
  },
  {
    name: 'cluster',
    url: '/catalog/default/resource/production/homelab-cluster',
    ready: page =>
      page
        .getByRole('row')
        .filter({ hasText: 'HelmRelease' })
        .filter({ hasText: 'flux-system/nextcloud' }),
  },
  {
    name: 'app',
    url: '/catalog/default/component/nextcloud',
    ready: page => page.getByText('nextcloud: production behind'),
  },
  {
    name: 'ip-pool',
    url: '/catalog/default/resource/production-pool',
    ready: page =>
      page.getByText('192.168.100.160–192.168.100.179 (20 addresses)'),
  },
  // With the blast-radius card: wait for its verdict, which needs the
  // workloads collected.
  {
    name: 'device',
    url: '/catalog/default/resource/rk1-1',
    ready: page => page.getByText(/^Without RK1 module 1: production loses/),
  },
  {
    name: 'network',
    url: '/catalog/default/resource/serverlan',
    ready: page => page.getByText('254 host addresses: 65 by DHCP, 1 reserved'),
  },
];

/**
 * The one violation that is Backstage's, not ours, left out by exactly its
 * rule and element: @backstage/ui's PluginHeader (0.18) draws a page's
 * sub-page tabs with react-aria Tabs but no TabPanel, and react-aria points
 * the selected tab's aria-controls at that panel, which is never rendered
 * (aria-valid-attr-value; backstage/backstage#35180). A tab whose panel is
 * in the page, or any other element, is still reported.
 */
const UPSTREAM = { rule: 'aria-valid-attr-value', selector: '.bui-Tab' };

/** Serious and critical axe violations on the page, the upstream one left out. */
async function axeViolations(page: Page) {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async upstream => {
    const result = await (window as any).axe.run(document, {
      resultTypes: ['violations'],
    });
    const isUpstream = (rule: string, target: string) => {
      const element = document.querySelector(target);
      const panel = element?.getAttribute('aria-controls');
      return (
        rule === upstream.rule &&
        !!element?.matches(upstream.selector) &&
        !!panel &&
        !document.getElementById(panel)
      );
    };
    return result.violations
      .filter((v: any) => ['serious', 'critical'].includes(v.impact))
      .map((v: any) => ({
        ...v,
        nodes: v.nodes.filter(
          (n: any) => !isUpstream(v.id, n.target.join(' ')),
        ),
      }))
      .filter((v: any) => v.nodes.length > 0)
      .map(
        (v: any) =>
          `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes
            .slice(0, 3)
            .map((n: any) => n.target.join(' '))
            .join(' | ')}`,
      );
  }, UPSTREAM);
}

for (const theme of ['light', 'dark']) {
  test(`every homelab page in the ${theme} theme is drawn with its data and has no serious or critical axe violation`, async ({
    page,
  }) => {
    test.setTimeout(420_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.addInitScript(
      chosen => window.localStorage.setItem('theme', chosen),
      theme,
    );
    await signIn(page);
    const found: string[] = [];
    for (const homelabPage of HOMELAB_PAGES) {
      await page.goto(homelabPage.url);
      // The collectors and the catalog read the demo in the first minute.
      await expect(async () => {
        await page.reload();
        await expect(homelabPage.ready(page)).toBeVisible({
          timeout: 15_000,
        });
      }).toPass({ timeout: 150_000 });
      await page.waitForLoadState('networkidle');
      await page.screenshot({
        path: test.info().outputPath(`${theme}-${homelabPage.name}.png`),
        fullPage: true,
      });
      if (SCREENSHOTS_DIR && README_PAGES.includes(homelabPage.name))
        await page.screenshot({
          path: path.resolve(
            __dirname,
            '../..',
            SCREENSHOTS_DIR,
            `${homelabPage.name}-${theme}.png`,
          ),
        });
      // The topology's canvas grows to show the demo estate whole, taller
      // than the window: the whole page too.
      if (SCREENSHOTS_DIR && homelabPage.name === 'topology')
        await page.screenshot({
          path: path.resolve(
            __dirname,
            '../..',
            SCREENSHOTS_DIR,
            `topology-whole-${theme}.png`,
          ),
          fullPage: true,
        });
      const violations = await axeViolations(page);
      found.push(...violations.map((v: string) => `${homelabPage.url} ${v}`));
    }
    expect(found).toEqual([]);
  });
}

/** A field of a template form and what to put in it to go on. */
type FormField =
  | { label: string; text: string }
  | { label: string; number: string }
  | { label: string; pick: string; option: string };

/**
 * The homelab's template forms, with what their required fields take: each
 * step's fields are filled where that step shows them, so a step added to a
 * form is scanned too.
 */
const TEMPLATE_FORMS: Array<{ name: string; fields: FormField[] }> = [
  {
    name: 'deploy-app-with-flux',
    fields: [
      { label: 'Name', text: 'whoami' },
      { label: 'Owner', pick: 'homelab', option: 'homelab-admins' },
      {
        label: 'Helm repository URL',
        text: 'https://traefik.github.io/charts',
      },
      { label: 'Chart', text: 'whoami' },
      { label: 'Chart version', text: '5.2.0' },
    ],
  },
  {
    name: 'promote-release',
    fields: [{ label: 'App', text: 'nextcloud' }],
  },
  {
    name: 'provision-node',
    fields: [
      { label: 'Name', text: 'rk1-4' },
      { label: 'Cluster', pick: 'production', option: 'Production cluster' },
      { label: 'Network', pick: 'serverlan', option: 'ServerLAN' },
      { label: 'Board', pick: 'turing', option: 'Turing Pi 2' },
      { label: 'Slot', number: '4' },
    ],
  },
];

/**
 * Types into a catalog picker and takes the option it offers. A required
 * picker with exactly one entity to offer (the demo's only board) selects it
 * itself once its one catalog query returns, and is disabled, showing the
 * entity's ref (Backstage's EntityPicker). Typed into before that, its list
 * opens, then closes under the option about to be clicked, and the click
 * waited to the timeout (twice on a loaded machine). That selection is the
 * picker's own and happens once: measured on that step, no further request
 * and no DOM change in 10 s. So a picker found filled by then is left as it
 * is, and otherwise typed into again.
 */
async function pickEntity(
  page: Page,
  input: Locator,
  field: { pick: string; option: string },
) {
  await expect(async () => {
    if ((await input.isDisabled()) && (await input.inputValue())) return;
    await input.fill(field.pick, { timeout: 5_000 });
    await page
      .getByRole('option', { name: field.option, exact: true })
      .click({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/** Fills the fields this step shows and leaves those it does not, or filled. */
async function fillStep(page: Page, fields: FormField[]) {
  for (const field of fields) {
    const input = page.getByRole('number' in field ? 'spinbutton' : 'textbox', {
      name: field.label,
      exact: true,
    });
    if (!(await input.isVisible()) || (await input.inputValue())) continue;
    if ('pick' in field) {
      await pickEntity(page, input, field);
    } else {
      await input.fill('text' in field ? field.text : field.number);
    }
  }
}

/** The step the form shows, by its label in the stepper. */
const activeStep = (page: Page) =>
  page.locator('.MuiStepLabel-active').first().innerText();

/** Waits for what a step loads (previews, fit verdicts) to be drawn. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  // Backstage's Progress shows itself only after 250 ms.
  await page.waitForTimeout(400);
  await expect(page.getByRole('progressbar')).toHaveCount(0, {
    timeout: 30_000,
  });
}

for (const theme of ['light', 'dark']) {
  test(`every step of each homelab template form in the ${theme} theme has no serious or critical axe violation`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.addInitScript(
      chosen => window.localStorage.setItem('theme', chosen),
      theme,
    );
    await signIn(page);
    const found: string[] = [];
    for (const form of TEMPLATE_FORMS) {
      // The pickers offer what the catalog has read of the example.
      await expect(async () => {
        await page.goto(`/create/templates/default/${form.name}`);
        await expect(page.locator('.MuiStepLabel-active')).toBeVisible({
          timeout: 15_000,
        });
        await fillStep(page, form.fields);
      }).toPass({ timeout: 150_000 });
      for (let step = 1; ; step++) {
        await fillStep(page, form.fields);
        await settled(page);
        const title = await activeStep(page);
        await page.screenshot({
          path: test.info().outputPath(`${theme}-${form.name}-${step}.png`),
          fullPage: true,
        });
        const where = `${form.name} step ${step} (${title})`;
        found.push(
          ...(await axeViolations(page)).map((v: string) => `${where} ${v}`),
        );
        if (await page.getByRole('button', { name: 'Create' }).isVisible())
          break;
        const next = page.getByRole('button', { name: /^(Next|Review)$/ });
        await next.click();
        // A required field left empty keeps the form on its step.
        await expect(
          page.locator('.MuiStepLabel-active').first(),
        ).not.toHaveText(title);
      }
    }
    expect(found).toEqual([]);
  });
}

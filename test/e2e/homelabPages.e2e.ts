import { expect, Page, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * The homelab pages of the running portal with the example homelab: the
 * numbers are those of the demo's cluster snapshots and recorded Prometheus
 * answers (examples/), read through the real backend.
 */

test('the topology draws the estate readably, filters it, finds a node once, and leads from a node clicked on the canvas to its catalog entity', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/homelab/topology');
  const topology = page.getByTestId('topology');
  // The collectors run a few seconds after start; until then the graph has
  // no namespaces. As long as the theme tests below wait: on a loaded
  // machine the first run of this file saw 39 nodes at 60 s.
  await expect(async () => {
    await page.reload();
    await expect(topology).toHaveAttribute('data-drawn-nodes', /^\d+$/, {
      timeout: 10_000,
    });
    expect(
      Number(await topology.getAttribute('data-drawn-nodes')),
    ).toBeGreaterThan(40);
  }).toPass({ timeout: 90_000 });
  const all = Number(await topology.getAttribute('data-drawn-nodes'));
  await expect(page.getByText(/\d+ nodes, \d+ connections/)).toBeVisible();
  // The legend is above the graph, on the first screen.
  await expect(page.getByText('Load-balancer IP').first()).toBeInViewport();
  await page.screenshot({
    path: test.info().outputPath('topology.png'),
    fullPage: true,
  });

  // A network shows itself and what hangs off it, not the whole estate its
  // router carries.
  await page.getByRole('button', { name: 'Network' }).click();
  await page.getByRole('option', { name: 'IoT', exact: true }).click();
  await expect(page).toHaveURL(/network=iot/);
  await expect(async () => {
    const drawn = Number(await topology.getAttribute('data-drawn-nodes'));
    expect(drawn).toBeGreaterThan(2);
    expect(drawn).toBeLessThan(all / 2);
  }).toPass({ timeout: 10_000 });
  await page.screenshot({
    path: test.info().outputPath('topology-iot.png'),
  });
  await page.getByRole('button', { name: 'Network' }).click();
  await page.getByRole('option', { name: 'All' }).click();

  // Every node is offered once; names two clusters share say which cluster.
  await page.getByLabel('Find a node').fill('vaultwarden');
  const options = await page.getByRole('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  expect(new Set(options).size).toBe(options.length);
  expect(options).toContain('vaultwarden · production');
  await page.keyboard.press('Escape');

  await page.getByLabel('Cluster').click();
  await page.getByRole('option', { name: 'Staging cluster' }).click();
  await expect(page).toHaveURL(/cluster=staging/);
  await expect(page.getByText(/\d+ nodes/)).toBeVisible();

  await page.getByLabel('Find a node').fill('Raspberry');
  await page.getByRole('option', { name: 'Raspberry Pi 4B' }).click();
  const details = page.getByTestId('topology-node-details');
  await expect(details.getByText('Device', { exact: true })).toBeVisible();
  // The selected node is centred on the canvas: a click on the background
  // clears it, a click on the canvas's centre selects it again.
  const canvas = page.getByTestId('topology-graph');
  const box = (await canvas.boundingBox())!;
  await page.waitForTimeout(400);
  await canvas.click({ position: { x: 4, y: 4 } });
  await expect(details).toBeHidden();
  await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(details.getByText('Raspberry Pi 4B')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('topology-node.png') });
  await details.getByRole('link', { name: 'Open in the catalog' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/resource\/rpi-staging/);
  await expect(
    page.getByRole('heading', { name: 'Raspberry Pi 4B' }),
  ).toBeVisible();
  // The device's hardware card, worded as the generated docs word it.
  await expect(
    page.getByText('Broadcom BCM2711, 4-core ARM64 @ 1.8GHz'),
  ).toBeVisible();
  await expect(page.getByText('256GB microSD + 1TB USB SSD')).toBeVisible();
});

/** A box on the screen, in CSS pixels. */
type Box = { x1: number; x2: number; y1: number; y2: number };
type DrawnNode = {
  id: string;
  kind: string;
  fill: string;
  status?: string;
  ring?: { colour: string; width: number; gap: number };
  label?: Box;
  shape: Box;
  inView: boolean;
};

/**
 * What Cytoscape drew, read from the instance it keeps on its container:
 * each shown label's box on the screen, every node's shape box, whether it
 * lies in the view, each kind's fill, each status's ring, the zoom and the
 * canvas's background.
 */
async function drawnTopology(
  page: Page,
): Promise<{ nodes: DrawnNode[]; background: string; zoom: number }> {
  return page.getByTestId('topology-graph').evaluate(container => {
    const cy = (container as any)._cyreg.cy;
    const view = cy.extent();
    const box = (node: any, labels: boolean) =>
      node.renderedBoundingBox({
        includeNodes: !labels,
        includeLabels: labels,
        includeEdges: false,
        includeOverlays: false,
        includeUnderlays: false,
      });
    const nodes = cy.nodes().map((node: any) => {
      const { x, y } = node.position();
      return {
        id: node.id(),
        kind: node.data('kind'),
        fill: node.style('background-color'),
        status: node.data('status'),
        ring: node.data('status')
          ? {
              colour: node.style('outline-color'),
              width: parseFloat(node.style('outline-width')),
              gap: parseFloat(node.style('outline-offset')),
            }
          : undefined,
        label:
          node.visible() && node.data('label') ? box(node, true) : undefined,
        shape: box(node, false),
        inView: x >= view.x1 && x <= view.x2 && y >= view.y1 && y <= view.y2,
      };
    });
    return {
      nodes,
      background: getComputedStyle(container).backgroundColor,
      zoom: cy.zoom(),
    };
  });
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 &&
  Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1;

/** WCAG 2's contrast of two CSS rgb() colours. */
function contrast(a: string, b: string) {
  const luminance = (colour: string) => {
    const [r, g, b2] = colour
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(c => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Each label that lies over another label or over another node's shape. */
function clashes(nodes: DrawnNode[]) {
  const found: string[] = [];
  for (const a of nodes) {
    if (!a.label) continue;
    for (const b of nodes) {
      if (a === b) continue;
      if (b.label && a.id < b.id && overlap(a.label, b.label))
        found.push(`label ${a.id} over label ${b.id}`);
      if (overlap(a.label, b.shape)) found.push(`label ${a.id} over ${b.id}`);
    }
  }
  return found;
}

for (const theme of ['light', 'dark']) {
  test(`the topology in the ${theme} theme, folded and with every workload: no label over another label or node, every fill 3:1 apart from the canvas, health rings apart from the fill; folded, the whole estate in the first view with labels of 10 px or more`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.addInitScript(
      chosen => window.localStorage.setItem('theme', chosen),
      theme,
    );
    await signIn(page);
    const topology = page.getByTestId('topology');
    for (const [view, query, least] of [
      ['folded', '', 40],
      ['workloads', '?workloads=show', 60],
    ] as const) {
      // The collectors read the demo's workloads in the first minute.
      await expect(async () => {
        await page.goto(`/homelab/topology${query}`);
        await expect(topology).toHaveAttribute('data-drawn-nodes', /^\d+$/, {
          timeout: 10_000,
        });
        expect(
          Number(await topology.getAttribute('data-drawn-nodes')),
        ).toBeGreaterThan(least);
      }).toPass({ timeout: 90_000 });
      await page.waitForTimeout(500);
      await page.screenshot({
        path: test.info().outputPath(`topology-${theme}-${view}.png`),
        fullPage: true,
      });
      const { nodes, background, zoom } = await drawnTopology(page);
      expect(nodes.filter(node => node.label).length).toBeGreaterThan(least);
      // Labels are drawn at 12 px: at least 10 px at the first view's zoom.
      expect(12 * zoom).toBeGreaterThanOrEqual(10);
      // Folded, the clusters' namespaces stand in columns, so the first
      // view holds the whole estate.
      if (view === 'folded')
        expect(nodes.filter(node => !node.inView).map(node => node.id)).toEqual(
          [],
        );
      // The namespaces, at the first view's zoom, for the eye.
      await page
        .getByTestId('topology-graph')
        .evaluate(container =>
          (container as any)._cyreg.cy.center(
            (container as any)._cyreg.cy.nodes('[kind = "namespace"]'),
          ),
        );
      await page.screenshot({
        path: test
          .info()
          .outputPath(`topology-${theme}-${view}-namespaces.png`),
      });
      expect(clashes(nodes)).toEqual([]);
      // Every kind's fill stands 3:1 apart from the canvas (WCAG 1.4.11).
      const fills = new Map(nodes.map(node => [node.kind, node.fill]));
      expect(fills.size).toBeGreaterThan(8);
      expect(
        [...fills]
          .filter(([, fill]) => contrast(fill, background) < 3)
          .map(([kind, fill]) => `${kind} ${fill}`),
      ).toEqual([]);
      // Health is a ring outside the shape, a gap of canvas between, so a
      // deep fill cannot weaken it; each status has a ring of its own.
      const rings = new Map(
        nodes.filter(node => node.ring).map(node => [node.status, node.ring!]),
      );
      expect(rings.size).toBeGreaterThanOrEqual(3);
      for (const ring of rings.values())
        expect(ring.width >= 3 && ring.gap >= 2).toBe(true);
      expect(new Set([...rings.values()].map(r => r.colour)).size).toBe(
        rings.size,
      );
    }
  });
}

for (const [width, height] of [
  [1440, 900],
  [1024, 768],
]) {
  test(`the topology's node panel at ${width}x${height} holds all it says: nothing cut off or outside the window`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await signIn(page);
    // The Proxmox VE container the inventory does not list: its panel says
    // why it is degraded at length.
    await expect(async () => {
      await page.goto('/homelab/topology');
      await page.getByLabel('Find a node').fill('home-assistant');
      await page
        .getByRole('option', { name: 'home-assistant', exact: true })
        .click({ timeout: 10_000 });
    }).toPass({ timeout: 90_000 });
    const details = page.getByTestId('topology-node-details');
    await expect(details.getByText('Why', { exact: true })).toBeVisible();
    await details.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: test.info().outputPath(`topology-node-${width}.png`),
      fullPage: true,
    });
    const panel = (await details.boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(width);
    // Every fact reads whole inside the panel.
    const cut = await details.evaluate(card => {
      const outer = card.getBoundingClientRect();
      return [...card.querySelectorAll('dd, dt, h6')]
        .filter(element => {
          const box = element.getBoundingClientRect();
          return (
            element.scrollWidth > element.clientWidth + 1 ||
            box.right > outer.right + 1
          );
        })
        .map(element => element.textContent);
    });
    expect(cut).toEqual([]);
  });
}

test('the security page shows each cluster’s posture from the reports and pages its findings', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/homelab/security');
  const card = (title: string) =>
    page
      .locator('.MuiCard-root')
      .filter({ has: page.getByText(title, { exact: true }) });
  const production = card('Cluster production');
  await expect(async () => {
    await page.reload();
    await expect(production).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(production.getByText('84', { exact: true })).toBeVisible();
  await expect(production.getByText('critical 12')).toBeVisible();
  await expect(
    card('Cluster staging').getByText('84', { exact: true }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'critical', exact: true }).click();
  await expect(page).toHaveURL(/severity=critical/);
  await expect(page.getByText('CVE-2024-45337').first()).toBeVisible();
  await page.getByRole('cell', { name: 'nextcloud' }).first().click();
  await expect(page).toHaveURL(/namespace=nextcloud/);
  await expect(
    page.getByText('Findings in production/nextcloud'),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('security.png'),
    fullPage: true,
  });
});

test('the SLO page shows budgets, burn rates and states, and an SLO’s burn-down', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/homelab/slos');
  const nextcloud = page
    .getByRole('row')
    .filter({ hasText: 'Nextcloud availability' });
  await expect(async () => {
    await page.reload();
    await expect(nextcloud).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(nextcloud.getByText('-32.5% overspent')).toBeVisible();
  await expect(nextcloud.getByText('Breaching')).toBeVisible();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'grafana-http-errors' })
      .getByText('No data'),
  ).toBeVisible();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'Vaultwarden availability' })
      .getByText('Ticket alert firing'),
  ).toBeVisible();

  await nextcloud.getByText('Nextcloud availability').click();
  await expect(page).toHaveURL(/slo=/);
  await expect(page.getByText('Error budget burn-down')).toBeVisible();
  await expect(
    page.getByTestId('slo-burn-down').locator('svg path').first(),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('slos.png'),
    fullPage: true,
  });
});

test('an app’s page shows its posture, SLOs and environments, and "Promote" opens the template filled in', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/component/nextcloud');
  const environments = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Environments' });
  await expect(async () => {
    await page.reload();
    await expect(
      environments.getByText('nextcloud: production behind'),
    ).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 60_000 });
  await expect(environments.getByText('6.6.4')).toBeVisible();
  await expect(environments.getByText('6.5.2')).toBeVisible();
  const posture = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Security posture' });
  await expect(
    posture.getByText('in production · 2 workloads', { exact: false }),
  ).toBeVisible();
  await expect(
    page
      .locator('.MuiCard-root')
      .filter({ hasText: 'SLOs' })
      .getByText('Breaching'),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('nextcloud.png'),
    fullPage: true,
  });

  await environments
    .getByRole('link', { name: 'Promote from staging' })
    .click();
  await expect(page).toHaveURL(/\/create\/templates\/default\/promote-release/);
  await expect(page.getByLabel('App')).toHaveValue('nextcloud');
  await page.screenshot({
    path: test.info().outputPath('promote-template.png'),
  });
});

test('a cluster’s tab lists its nodes and Flux objects, and says plainly why a snapshot cannot be reconciled', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/resource/production/homelab-cluster');
  const release = page
    .getByRole('row')
    .filter({ hasText: 'HelmRelease' })
    .filter({ hasText: 'flux-system/nextcloud' });
  await expect(async () => {
    await page.reload();
    await expect(release).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(release.getByText('6.5.2')).toBeVisible();
  // Signed in again now that the catalog has read examples/org.yaml: a token
  // issued before holds no homelab-admins membership, so no actions show.
  await page.evaluate(() => localStorage.clear());
  await page.context().clearCookies();
  await signIn(page);
  await page.goto('/catalog/default/resource/production/homelab-cluster');
  for (const node of ['rk1-1', 'rk1-2', 'rk1-3']) {
    await expect(
      page.getByRole('link', { name: node, exact: true }),
    ).toBeVisible();
  }
  // The guest is an operator (homelab-admins), so the controls show; the
  // API says production is a recorded snapshot, so they are off, with why.
  await expect(
    page.getByText(/ of \d+ ready( · .*)? · read-only \(recorded snapshot\)$/),
  ).toBeVisible();
  const reason =
    'cluster "production" is a recorded snapshot and cannot be changed';
  for (const action of ['Reconcile', 'Suspend']) {
    const button = release.getByRole('button', { name: action });
    await expect(button).toBeDisabled();
    await expect(button.locator('..')).toHaveAttribute(
      'title',
      `${action} is off: ${reason}`,
    );
  }
  await release
    .getByRole('button', { name: 'Reconcile' })
    .locator('..')
    .hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    `Reconcile is off: ${reason}`,
  );
  await page.screenshot({
    path: test.info().outputPath('cluster.png'),
    fullPage: true,
  });

  // What needs attention leads the table: staging's failed upgrade is row 1.
  await page.goto('/catalog/default/resource/staging/homelab-cluster');
  const fluxRows = page.getByRole('row').filter({
    hasText:
      /^(GitRepository|OCIRepository|HelmRepository|ExternalArtifact|ArtifactGenerator|Kustomization|HelmRelease)/,
  });
  await expect(fluxRows.first()).toContainText('flux-system/vaultwarden', {
    timeout: 30_000,
  });
  await expect(fluxRows.first()).toContainText('UpgradeFailed');
  await expect(
    fluxRows.first().getByRole('button', { name: 'Reconcile' }),
  ).toBeDisabled();
  await page.screenshot({
    path: test.info().outputPath('cluster-staging.png'),
    fullPage: true,
  });
});

test("the homelab's TechDocs are generated from its inventory: the VLAN table and rendered diagrams", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const external: string[] = [];
  page.on('request', request => {
    const { hostname } = new URL(request.url());
    if (hostname !== 'localhost') external.push(request.url());
  });
  await signIn(page);
  const docs = page.getByTestId('techdocs-native-shadowroot');
  const vlans = docs.getByRole('heading', { name: 'VLANs' });
  const notFound = page.getByText('Documentation not found');
  // The first visit builds the docs with MkDocs. Run first after the portal
  // starts, the catalog may not hold the domain yet, and TechDocs says the
  // docs are not found: the page is opened again only then, never while a
  // build is under way.
  await expect(async () => {
    await page.goto('/docs/default/domain/hallonen/network/');
    await expect(vlans.or(notFound).first()).toBeVisible({ timeout: 120_000 });
    await expect(notFound).toHaveCount(0);
  }).toPass({ timeout: 200_000 });
  const serverlan = docs
    .getByRole('row')
    .filter({ hasText: '192.168.100.0/24' });
  await expect(serverlan.getByText('ServerLAN', { exact: true })).toBeVisible();
  await expect(
    serverlan.getByText('Trusted Server Infrastructure'),
  ).toBeVisible();
  await expect(
    docs
      .getByRole('row')
      .filter({ hasText: 'TinyGuest, TinyIoT' })
      .getByText('IoT', { exact: true }),
  ).toBeVisible();
  // The network diagram, drawn by the homelab plugin's Mermaid addon.
  const diagram = docs.locator('.homelab-mermaid svg');
  await expect(diagram).toBeVisible();
  await expect(diagram.getByText('ServerLAN (VLAN 100)')).toBeVisible();
  await expect(docs.locator('code.language-mermaid')).toHaveCount(0);
  await page.screenshot({
    path: test.info().outputPath('docs-network.png'),
    fullPage: true,
  });
  expect(external).toEqual([]);
});

test('the project’s own docs render, with the inventory reference generated from the schema', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signIn(page);
  await page.goto(
    '/docs/default/component/homelab-platform/inventory-reference/',
  );
  const docs = page.getByTestId('techdocs-native-shadowroot');
  await expect(
    docs.getByRole('heading', { name: 'Inventory reference' }),
  ).toBeVisible({ timeout: 120_000 });
  await expect(
    docs.getByText(
      '802.1Q VLAN id (1-4094); leave out for an untagged network.',
    ),
  ).toBeVisible();
});

test('the templates are registered: deploy with Flux, promote, provision a node', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/create');
  for (const title of [
    'Deploy an app with Flux',
    'Promote to production',
    'Provision a node',
  ]) {
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(title, { exact: true })).toBeVisible({
        timeout: 5_000,
      });
    }).toPass({ timeout: 60_000 });
  }
  await page.screenshot({
    path: test.info().outputPath('templates.png'),
    fullPage: true,
  });
});

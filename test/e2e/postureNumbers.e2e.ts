import { expect, Locator, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { signIn } from './signIn';

/*
 * The security and SLO pages show the numbers the demo's own reports state
 * (issue 12): each expectation here is computed from the files the running
 * portal reads (examples/snapshots and the recorded Prometheus answers in
 * examples/prometheus), not copied from what the page showed.
 */

const examples = path.resolve(__dirname, '../../examples');

type Item = Record<string, any>;
const items = (cluster: string, file: string): Item[] => {
  const full = path.join(examples, 'snapshots', cluster, file);
  return fs.existsSync(full)
    ? JSON.parse(fs.readFileSync(full, 'utf8')).items
    : [];
};

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const;
type Counts = Record<(typeof SEVERITIES)[number], number>;
const none = (): Counts => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  unknown: 0,
});

/** Adds a Trivy report's summary (criticalCount, ...) to counts. */
function addSummary(counts: Counts, summary: Item) {
  for (const severity of SEVERITIES)
    counts[severity] += summary[`${severity}Count`] ?? 0;
}

/**
 * The Trivy reports of one kind that count: of the reports on one workload
 * container (the old and the new ReplicaSet of a rollout both have one), the
 * latest. A ReplicaSet's workload is the Deployment that owns it.
 */
function latestPerWorkload(cluster: string, file: string): Item[] {
  const owners = new Map<string, string>();
  for (const rs of items(cluster, 'replicasets.apps.json')) {
    const owner = rs.metadata.ownerReferences?.[0];
    if (owner)
      owners.set(
        `${rs.metadata.namespace}/${rs.metadata.name}`,
        `${owner.kind}/${owner.name}`,
      );
  }
  const latest = new Map<string, Item>();
  for (const report of items(cluster, file)) {
    const labels = report.metadata.labels ?? {};
    const namespace = report.metadata.namespace ?? '';
    const target = `${labels['trivy-operator.resource.kind']}/${labels['trivy-operator.resource.name']}`;
    const workload =
      labels['trivy-operator.resource.kind'] === 'ReplicaSet'
        ? owners.get(
            `${namespace}/${labels['trivy-operator.resource.name']}`,
          ) ?? target
        : target;
    const key = `${namespace}/${workload}/${
      labels['trivy-operator.container.name'] ?? ''
    }`;
    const known = latest.get(key);
    if (
      !known ||
      (known.report.updateTimestamp ?? '') <=
        (report.report.updateTimestamp ?? '')
    )
      latest.set(key, report);
  }
  return [...latest.values()];
}

/** What a cluster's own reports say, as its posture card shows it. */
function statedPosture(cluster: string) {
  const vulnerabilities = none();
  for (const report of latestPerWorkload(
    cluster,
    'vulnerabilityreports.aquasecurity.github.io.json',
  ))
    addSummary(vulnerabilities, report.report.summary);

  const misconfigurations = none();
  for (const report of [
    ...latestPerWorkload(
      cluster,
      'configauditreports.aquasecurity.github.io.json',
    ),
    ...items(cluster, 'rbacassessmentreports.aquasecurity.github.io.json'),
    ...items(
      cluster,
      'clusterrbacassessmentreports.aquasecurity.github.io.json',
    ),
  ])
    addSummary(misconfigurations, report.report.summary);
  // Polaris's failed checks: its two severities, danger and warning, shown
  // as high and medium (checks it ignores are no failures).
  const polaris = path.join(
    examples,
    'snapshots',
    cluster,
    'proxy/polaris/polaris-dashboard/results.json',
  );
  if (fs.existsSync(polaris)) {
    const failed = (results: Record<string, Item> | null | undefined) => {
      for (const check of Object.values(results ?? {})) {
        if (check.Success) continue;
        if (check.Severity === 'danger') misconfigurations.high++;
        if (check.Severity === 'warning') misconfigurations.medium++;
      }
    };
    for (const result of JSON.parse(fs.readFileSync(polaris, 'utf8')).Results) {
      failed(result.Results);
      failed(result.PodResult?.Results);
      for (const container of result.PodResult?.ContainerResults ?? [])
        failed(container.Results);
    }
  }

  const secrets = none();
  for (const report of latestPerWorkload(
    cluster,
    'exposedsecretreports.aquasecurity.github.io.json',
  ))
    addSummary(secrets, report.report.summary);

  const policy = { pass: 0, fail: 0, warn: 0 };
  for (const report of [
    ...items(cluster, 'policyreports.wgpolicyk8s.io.json'),
    ...items(cluster, 'clusterpolicyreports.wgpolicyk8s.io.json'),
    ...items(cluster, 'reports.openreports.io.json'),
    ...items(cluster, 'clusterreports.openreports.io.json'),
  ]) {
    policy.pass += report.summary?.pass ?? 0;
    policy.fail += report.summary?.fail ?? 0;
    policy.warn += report.summary?.warn ?? 0;
  }

  const compliance = items(
    cluster,
    'clustercompliancereports.aquasecurity.github.io.json',
  ).map(report => ({
    title: report.spec.compliance.title as string,
    pass: report.status.summary.passCount as number,
    fail: report.status.summary.failCount as number,
  }));

  return {
    vulnerabilities,
    misconfigurations,
    exposedSecrets: Object.values(secrets).reduce((a, b) => a + b, 0),
    policy,
    compliance,
  };
}

/** The row of a posture card that a label starts. */
const cardRow = (card: Locator, label: string) =>
  card.getByText(label, { exact: true }).locator('..');

async function expectChips(row: Locator, counts: Counts, graded: boolean) {
  for (const severity of SEVERITIES) {
    if (graded && severity === 'unknown') continue;
    await expect(
      row.getByText(`${severity} ${counts[severity]}`, { exact: true }),
    ).toBeVisible();
  }
}

async function openSecurity(page: Page) {
  await signIn(page);
  await page.goto('/homelab/security');
  const card = (title: string) =>
    page
      .locator('.MuiCard-root')
      .filter({ has: page.getByText(title, { exact: true }) });
  // The security collector runs 40 s after start.
  await expect(async () => {
    await page.reload();
    await expect(card('Cluster staging')).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  return card;
}

test('the security page shows each cluster’s counts as its own reports state them', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const card = await openSecurity(page);
  for (const cluster of ['production', 'staging']) {
    const stated = statedPosture(cluster);
    const posture = card(`Cluster ${cluster}`);
    await expectChips(
      cardRow(posture, 'Vulnerabilities'),
      stated.vulnerabilities,
      false,
    );
    await expectChips(
      cardRow(posture, 'Misconfigurations'),
      stated.misconfigurations,
      true,
    );
    await expect(
      cardRow(posture, 'Exposed secrets').getByText(
        String(stated.exposedSecrets),
        { exact: true },
      ),
    ).toBeVisible();
    await expect(
      cardRow(posture, 'Policy results').getByText(
        `${stated.policy.pass} pass, ${stated.policy.fail} fail, ${stated.policy.warn} warn`,
        { exact: true },
      ),
    ).toBeVisible();
    expect(stated.compliance.length).toBeGreaterThan(0);
    for (const report of stated.compliance) {
      await expect(
        cardRow(posture, report.title).getByText(
          `${report.pass} pass, ${report.fail} fail`,
          { exact: true },
        ),
      ).toBeVisible();
    }
    // The demo's reports agree with their summaries: nothing is flagged.
    await expect(
      posture.getByText(/disagrees? with its own summary/),
    ).toHaveCount(0);
  }
  await page.screenshot({
    path: test.info().outputPath('security-stated-numbers.png'),
    fullPage: true,
  });
});

/** The error ratio Prometheus answered (as recorded) for one SLO over a window. */
function recordedPeriodRatio(period: string, expression: RegExp) {
  const dir = path.join(examples, 'prometheus');
  for (const file of fs.readdirSync(dir)) {
    if (!file.startsWith('query-')) continue;
    const recorded = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (!recorded.query.includes(`[${period}]`)) continue;
    // One query asks for every SLO, each labelled with its id, and for its
    // count of events (labelled homelab_value="events").
    for (const part of recorded.query.split(' or label_replace(')) {
      if (!expression.test(part) || part.includes('"homelab_value"')) continue;
      const id = /"homelab_slo", "([0-9a-f]+)"/.exec(part)![1];
      const value = (kind?: string) =>
        recorded.response.data.result.find(
          (r: Item) =>
            r.metric.homelab_slo === id && r.metric.homelab_value === kind,
        )?.value[1];
      const ratio = value();
      const events = value('events');
      return {
        part,
        ratio: ratio === undefined ? null : Number(ratio),
        events: events === undefined ? null : Number(events),
      };
    }
  }
  throw new Error(`no recorded ${period} answer matches ${expression}`);
}

const percent = (ratio: number, digits: number) =>
  `${Number((ratio * 100).toFixed(digits))}%`;

test('the SLO page shows attainment and budget as the recorded Prometheus answers give them, a Sloth SLO’s SLI as Sloth defines it, and an SLO with too few events as not enough data', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // Traefik's Sloth SLO (examples/snapshots/production): 99.9% over 30 days.
  const sloth = items(
    'production',
    'prometheusservicelevels.sloth.slok.dev.json',
  )[0].spec.slos[0];
  const objective = sloth.objective / 100;
  const recorded = recordedPeriodRatio('30d', /entrypoint="websecure"/);
  // Sloth's period SLI is the mean of its 5-minute error ratios
  // (slo:period_error_ratio:ratio), not the ratio of the period's sums.
  expect(recorded.part).toContain('avg_over_time');
  const errorRatio = recorded.ratio!;
  const attainment = percent(1 - errorRatio, 3);
  const budget = percent(1 - errorRatio / (1 - objective), 1);

  await signIn(page);
  await page.goto('/homelab/slos');
  const row = page.getByRole('row').filter({ hasText: sloth.name });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  await expect(row.getByText(attainment, { exact: true })).toBeVisible();
  await expect(row.getByText(budget, { exact: true })).toBeVisible();
  await expect(
    row.getByText(`${percent(objective, 3)} / 30d`, { exact: true }),
  ).toBeVisible();

  // Grafana's Pyrra SLO: Prometheus answered nothing over its 4 weeks, so
  // no attainment, not 100%.
  const grafana = recordedPeriodRatio('4w', /grafana_http_request/);
  expect(grafana.ratio).toBeNull();
  const grafanaRow = page
    .getByRole('row')
    .filter({ hasText: 'grafana-http-errors' });
  await expect(grafanaRow.getByText('No data')).toBeVisible();
  await expect(grafanaRow.getByText('100%')).toHaveCount(0);

  // Its burn rates over the long windows of Sloth's page and ticket alerts
  // (1h/5m at 14.4x, 3d/6h at 1x), from the recorded answers over them.
  for (const [long, short, threshold] of [
    ['1h', '5m', 14.4],
    ['3d', '6h', 1],
  ] as const) {
    const rate = recordedPeriodRatio(long, /entrypoint="websecure"/).ratio!;
    await expect(
      row.getByText(
        `${long}/${short} ${Number(
          (rate / (1 - objective)).toFixed(2),
        )}× of ${threshold}×`,
        { exact: true },
      ),
    ).toBeVisible();
  }

  // Flux's webhook receiver: too few requests over its 30 days to be judged
  // (the demo's homelab.slos.minimumEvents), so neither breaching nor alerting.
  const minimumEvents = (
    parse(fs.readFileSync(path.join(examples, '../app-config.yaml'), 'utf8'))
      .homelab.slos as Item
  ).minimumEvents as number;
  const webhooks = items(
    'production',
    'prometheusservicelevels.sloth.slok.dev.json',
  ).find(level => level.spec.service === 'flux')!.spec.slos[0];
  const few = recordedPeriodRatio('30d', /flux-system-webhook-receiver/);
  expect(few.events).toBeLessThan(minimumEvents);
  const webhooksRow = page.getByRole('row').filter({ hasText: webhooks.name });
  await expect(webhooksRow.getByText('Not enough data')).toBeVisible();
  await expect(webhooksRow.getByText(/firing|Breaching/)).toHaveCount(0);
  // Its budget is shown, but not judged: never "overspent" in red.
  await expect(webhooksRow.getByText(/· not judged/)).toBeVisible();
  await expect(webhooksRow.getByText(/overspent/)).toHaveCount(0);
  await webhooksRow.getByText(webhooks.name).click();
  await expect(
    page.getByText(
      `Not enough data: ${Math.round(
        few.events!,
      )} events in its window, fewer than the ${minimumEvents} needed to judge it, so neither its budget nor its burn rates raise an alert.`,
    ),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('slo-not-enough-data.png'),
    fullPage: true,
  });

  await row.getByText(sloth.name).click();
  await expect(page).toHaveURL(/slo=/);
  await expect(
    page.getByText(
      "Mean of the 5-minute success ratios over 30d, as Sloth's rules compute it",
    ),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('slo-sloth-stated-numbers.png'),
    fullPage: true,
  });
});

import { defineConfig } from '@playwright/test';

const port = Number(process.env.HOMELAB_E2E_PORT ?? 7107);
process.env.HOMELAB_E2E_PORT = String(port);
const baseURL = `http://localhost:${port}`;

/**
 * Browser tests against the real running portal: Debian's Chromium
 * (HOMELAB_CHROMIUM, default /usr/bin/chromium) driven by Playwright; never a
 * browser downloaded by Playwright itself.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  forbidOnly: true,
  reporter: [
    ['list'],
    ['html', { outputFolder: '../../test-results/e2e-report', open: 'never' }],
  ],
  outputDir: '../../test-results/e2e',
  webServer: {
    command: 'node start-portal.js',
    cwd: __dirname,
    url: `${baseURL}/.backstage/health/v1/readiness`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
  use: {
    baseURL,
    browserName: 'chromium',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.HOMELAB_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});

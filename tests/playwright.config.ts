import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

// Runs against the production build (npm test builds it first) served by `astro preview`,
// in Debian's Chromium: Playwright never downloads a browser here.
const port = Number(process.env.E2E_PORT ?? 4321);
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  testDir: './e2e',
  outputDir: './.output/playwright',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: `${root}tests/.output/playwright.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
            '--no-first-run', '--disable-sync', '--disable-quic'],
        },
      },
    },
  ],
  webServer: {
    // astro preview serves the outDir of astro.config.mjs (SHIPSHAPE_OUT_DIR moves it).
    command: `npx astro preview --port ${port} --host 127.0.0.1`,
    cwd: root,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

import { expect, test, type Page } from '@playwright/test';

/** Collects console errors, page errors and failed requests while a page is used. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return problems;
}

const pages: Array<[string, RegExp]> = [
  ['/', /Ship Python containers/],
  ['/guides/', /^Guides$/],
  ['/guides/gunicorn-heartbeat/', /gunicorn heartbeat/i],
  ['/guides/environment-variables/', /^Environment variables/],
  ['/rules/', /^Rules$/],
  ['/rules/python-unbuffered/', /^python-unbuffered$/],
];

for (const [path, heading] of pages) {
  test(`${path} renders without errors`, async ({ page }) => {
    const problems = watch(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page).toHaveTitle(/Shipshape/);
    await expect(page.getByTestId('engine-version')).toContainText(/^v\d+\.\d+\.\d+/);
    expect(problems).toEqual([]);
  });
}

test('an unknown path gets the 404 page', async ({ page }) => {
  const problems = watch(page);
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle(/^Page not found · Shipshape$/);
  // Chromium reports the document's own 404 on the console; anything else is a real problem.
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});

test('a rule page shows its severity and the tools it matches', async ({ page }) => {
  const problems = watch(page);
  await page.goto('/rules/pip-no-cache-dir/');
  await expect(page.getByTestId('severity').first()).toHaveText('warning');
  await expect(page.locator('.same-as')).toContainText('Same as hadolint DL3042');
  const link = page.locator('.same-as').getByRole('link', { name: 'hadolint DL3042' });
  await expect(link).toHaveAttribute('href', 'https://github.com/hadolint/hadolint/wiki/DL3042');
  await expect(page.locator('[data-example="incorrect"]')).toHaveCount(1);
  await expect(page.locator('[data-example="correct"]')).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('a hadolint code in the address bar leads to our rule', async ({ page }) => {
  await page.goto('/rules/DL3042/');
  await expect(page).toHaveURL(/\/rules\/pip-no-cache-dir\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('pip-no-cache-dir');
});

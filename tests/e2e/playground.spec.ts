import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';

const { compressToEncodedURIComponent } = LZString;

const problems = (page: Page) => page.getByTestId('problems').locator('li');

/** Replaces the editor's text as a paste would. */
async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function ready(page: Page, path = '/playground/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('body[data-playground="ready"]')).toBeAttached({ timeout: 20_000 });
  await expect(page.getByTestId('summary')).toContainText(/linted in/);
}

const share = (d: string, i?: string) => `#code=${compressToEncodedURIComponent(JSON.stringify({ v: 1, d, ...(i ? { i } : {}) }))}`;

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => { if (!sessionStorage.getItem('kept')) localStorage.clear(); });
});

test('pasting a Dockerfile shows markers and one panel row per finding', async ({ page }) => {
  await ready(page);
  await paste(page, 'FROM python:3.12-slim\nRUN pip install flask\nCMD ["gunicorn", "app:app"]\n');
  await expect(page.locator('[data-rule="pip-no-cache-dir"]')).toHaveAttribute('data-line', '2');
  await expect(page.locator('[data-rule="python-unbuffered"]')).toHaveAttribute('data-line', '1');
  await expect(page.locator('[data-rule="gunicorn-worker-tmp-dir"]')).toHaveAttribute('data-line', '3');
  await expect(page.locator('.squiggly-warning').first()).toBeVisible();
  const link = page.locator('[data-rule="pip-no-cache-dir"]').getByRole('link', { name: 'pip-no-cache-dir' });
  await expect(link).toHaveAttribute('href', '/rules/pip-no-cache-dir/');
});

test('a quick fix removes its finding, and undo brings it back', async ({ page }) => {
  await ready(page);
  await paste(page, 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nUSER 10001\nRUN pip install flask\n');
  const row = page.locator('[data-rule="pip-no-cache-dir"]');
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Fix' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('editor')).toContainText('pip install --no-cache-dir flask');
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(row).toHaveCount(1);
});

test('the quick fix is offered as a Monaco code action', async ({ page }) => {
  await ready(page);
  await paste(page, 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nUSER 10001\nRUN pip install flask\n');
  await expect(page.locator('[data-rule="pip-no-cache-dir"]')).toHaveCount(1);
  await page.locator('[data-rule="pip-no-cache-dir"] .problem__jump').click();
  await page.keyboard.press('ControlOrMeta+Period');
  await page.getByText('Add `--no-cache-dir`').first().click();
  await expect(page.locator('[data-rule="pip-no-cache-dir"]')).toHaveCount(0);
});

test('fix all safe problems applies every safe fix at once', async ({ page }) => {
  await ready(page);
  await paste(page, 'FROM python:3.12-slim\nRUN pip install flask\nCMD ["gunicorn", "app:app"]\n');
  await page.getByTestId('fix-all').click();
  await expect(page.locator('[data-rule="pip-no-cache-dir"]')).toHaveCount(0);
  await expect(page.locator('[data-rule="python-unbuffered"]')).toHaveCount(0);
  await expect(page.locator('[data-rule="gunicorn-worker-tmp-dir"]')).toHaveCount(0);
  await expect(page.locator('[data-rule="root-final-user"]')).toHaveCount(1);
});

test('the .dockerignore tab feeds the rules that read it', async ({ page }) => {
  await ready(page);
  await paste(page, 'FROM python:3.12-slim\nCOPY . .\n');
  await expect(page.locator('[data-rule="dockerignore-absent"]')).toHaveCount(1);
  await page.getByRole('tab', { name: '.dockerignore' }).click();
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.insertText('node_modules\n');
  await expect(page.locator('[data-rule="dockerignore-absent"]')).toHaveCount(0);
  await expect(page.locator('[data-rule="dockerignore-missing-entries"]')).toHaveCount(1);
});

test('copy link round trip restores the Dockerfile and the .dockerignore', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ready(page);
  await paste(page, 'FROM python:3.12-slim\nCOPY . .\n');
  await page.getByRole('tab', { name: '.dockerignore' }).click();
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.insertText('.git\n');
  await expect(page.locator('[data-rule="dockerignore-missing-entries"]')).toHaveCount(1);
  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#code=');
  const other = await context.newPage();
  await ready(other, url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByTestId('editor')).toContainText('COPY . .');
  await expect(other.locator('[data-rule="dockerignore-missing-entries"]')).toHaveCount(1);
  await expect(other).not.toHaveURL(/#code=/);
});

test('the text survives a reload', async ({ page }) => {
  await ready(page);
  await page.evaluate(() => sessionStorage.setItem('kept', '1'));
  await paste(page, 'FROM python:3.11-slim\n# reload me\n');
  await expect(page.getByTestId('summary')).toContainText(/linted/);
  await page.waitForTimeout(400);
  await page.reload();
  await expect(page.locator('body[data-playground="ready"]')).toBeAttached();
  await expect(page.getByTestId('editor')).toContainText('# reload me');
});

test('a shared link does not silently replace unsaved work', async ({ page }) => {
  await ready(page);
  await page.evaluate(() => sessionStorage.setItem('kept', '1'));
  await paste(page, 'FROM python:3.11-slim\n# my work\n');
  await page.waitForTimeout(400);
  await ready(page, `/playground/${share('FROM python:3.12-slim\n# shared\n')}`);
  await expect(page.getByTestId('editor')).toContainText('# shared');
  await page.getByRole('button', { name: 'Restore my previous text' }).click();
  await expect(page.getByTestId('editor')).toContainText('# my work');
});

for (const [name, hash] of [
  ['malformed', '#code=%%%not-lz%%%'],
  ['truncated', share('FROM python:3.12-slim\nRUN pip install flask\n').slice(0, 20)],
  ['oversized', `#code=${'A'.repeat(210_000)}`],
  ['not a Dockerfile', `#code=${compressToEncodedURIComponent('[1,2,3]')}`],
] as const) {
  test(`a ${name} hash shows a clear message and keeps the editor usable`, async ({ page }) => {
    await ready(page);
    await page.evaluate(() => sessionStorage.setItem('kept', '1'));
    await paste(page, 'FROM python:3.11-slim\n# before\n');
    await page.waitForTimeout(400);
    await ready(page, `/playground/${hash}`);
    await expect(page.getByTestId('notice')).toBeVisible();
    await expect(page.getByTestId('notice')).toContainText(/link/i);
    await expect(page.getByTestId('editor')).toContainText('# before');
    await paste(page, 'FROM python:3.12\n');
    await expect(page.locator('[data-rule="full-python-base"]')).toHaveCount(1);
  });
}

test('pasted markup stays text everywhere', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await ready(page);
  const evil = 'FROM python:3.12-slim\nUSER "><img src=x onerror=alert(1)>\nENV A=<script>alert(2)</script>\nCMD ["python", "javascript:alert(3)", "$X<script>alert(4)</script>"]\n';
  await paste(page, evil);
  await expect(page.getByTestId('summary')).toContainText(/problem/);
  await expect(page.locator('[data-rule="exec-form-variable"]')).toHaveCount(1);
  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('share-url').inputValue();
  await ready(page, url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.locator('[data-rule="exec-form-variable"]')).toContainText('`$X` is passed literally');
  await expect(page.getByTestId('editor')).toContainText('<script>alert(2)</script>');
  await page.locator('[data-rule="exec-form-variable"] .problem__jump').click();
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.press('ControlOrMeta+I');
  await expect(page.locator('.monaco-hover').filter({ hasText: 'exec-form-variable' }).first()).toBeVisible();
  expect(await page.locator('main img[src="x"], main script:not([src])').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('no request leaves the page after it has loaded', async ({ page }) => {
  const requests: string[] = [];
  await ready(page);
  page.on('request', (r) => requests.push(r.url()));
  await paste(page, 'FROM python:3.12-slim\nRUN pip install flask\n');
  await expect(page.locator('[data-rule="pip-no-cache-dir"]')).toHaveCount(1);
  await page.getByTestId('presets').selectOption({ label: 'Two stages, virtualenv copied' });
  await expect(page.getByTestId('summary')).toContainText(/linted/);
  await page.getByTestId('fix-all').click({ trial: true }).catch(() => undefined);
  await page.waitForTimeout(300);
  expect(requests).toEqual([]);
});

test('usable at 375 px and by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await ready(page);
  const box = await page.getByTestId('editor').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(375);
  await page.getByRole('tab', { name: 'Dockerfile' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: '.dockerignore' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('engine-version')).toContainText(/^v\d/);
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = resolve(root, process.env.SHIPSHAPE_OUT_DIR ?? 'dist/site');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

/** The URL path a built file is served at. */
const urlOf = (file: string) => `/${relative(outDir, file).replace(/index\.html$/, '').replace(/\\/g, '/')}`;

test('search finds a guide by a word from its body', async ({ page }) => {
  await page.goto('/search/');
  await page.locator('.pagefind-ui__search-input').fill('heartbeat');
  await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.pagefind-ui__result-link', { hasText: /gunicorn heartbeat/i }).first()).toBeVisible();
});

test('no broken internal links or anchors in the built site', () => {
  const files = htmlFiles(outDir);
  const pages = new Map(files.map((f) => [urlOf(f), readFileSync(f, 'utf8')]));
  const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  const broken: string[] = [];
  for (const [url, html] of pages) {
    for (const m of html.matchAll(/\shref="([^"]+)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|data:)/.test(href) || href.startsWith('/playground/#') || href.startsWith('/_astro/') || href.startsWith('/pagefind/')) continue;
      const [pathPart, hash] = href.split('#') as [string, string | undefined];
      const target = pathPart === '' ? url : new URL(pathPart, `http://x${url}`).pathname;
      const page = pages.get(target) ?? (/\.(xml|json|svg|txt|css|js)$/.test(target) ? '' : undefined);
      if (page === undefined) { broken.push(`${url} → ${href}`); continue; }
      if (hash && page && !idsOf(page).has(decodeURIComponent(hash))) broken.push(`${url} → ${href} (no anchor)`);
    }
  }
  expect(pages.size).toBeGreaterThan(50);
  expect(broken).toEqual([]);
});

test('guide and rule pages ship at most 20 KB of compressed JavaScript', () => {
  const over: string[] = [];
  for (const f of htmlFiles(outDir)) {
    const url = urlOf(f);
    if (!/^\/(guides|rules)\//.test(url)) continue;
    const html = readFileSync(f, 'utf8');
    let bytes = 0;
    for (const m of html.matchAll(/<script\b[^>]*src="([^"]+)"/g)) bytes += gzipSync(readFileSync(join(outDir, m[1]!))).length;
    for (const m of html.matchAll(/<script\b(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)) bytes += gzipSync(m[1]!).length;
    if (bytes > 20 * 1024) over.push(`${url}: ${bytes} B`);
  }
  expect(over).toEqual([]);
});

const a11yPages = ['/', '/guides/', '/rules/', '/playground/', '/search/', '/rules/pip-no-cache-dir/'];
test('every guide, every rule page and the main pages have no axe violations', async ({ page }) => {
  test.setTimeout(240_000);
  const guides = htmlFiles(join(outDir, 'guides')).map(urlOf);
  // Alias pages (/rules/DL3042/ and friends) redirect at once; the pages they lead to are checked.
  const rules = htmlFiles(join(outDir, 'rules')).filter((f) => !readFileSync(f, 'utf8').includes('http-equiv="refresh"')).map(urlOf);
  const violations: string[] = [];
  for (const url of [...new Set([...a11yPages, ...guides, ...rules])]) {
    await page.goto(url);
    if (url === '/playground/') await page.locator('body[data-playground="ready"]').waitFor();
    const result = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
    for (const v of result.violations) violations.push(`${url}: ${v.id} (${v.nodes.length}) ${v.help}`);
  }
  expect(violations).toEqual([]);
});

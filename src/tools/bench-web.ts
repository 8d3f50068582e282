// `npm run bench:web`: budgets of the production build, measured in headless Chromium.
// Serves dist/site with `astro preview` (run `npm run build` first) and prints:
//   1. navigation to first markers for a playground preset (median of 5 cold loads; budget 1.5 s)
//   2. keystroke to updated markers on a 300-line Dockerfile (median of 30 keystrokes; budget 50 ms)
//   3. JavaScript transferred per page, gzip-compressed as a server would send it
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';

const port = Number(process.env.BENCH_PORT ?? 4399);
const base = `http://127.0.0.1:${port}`;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${base}/`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('astro preview did not start');
}

async function jsBytes(browser: Browser, path: string): Promise<{ raw: number; gzip: number; files: number }> {
  const page = await browser.newPage();
  const bodies: Buffer[] = [];
  page.on('response', async (r) => {
    const type = r.headers()['content-type'] ?? '';
    if (/javascript/.test(type) || r.url().endsWith('.js')) {
      try { bodies.push(await r.body()); } catch { /* ignore */ }
    }
  });
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  // Inline scripts count too.
  const inline = await page.$$eval('script:not([src])', (s) => s.map((x) => x.textContent ?? ''));
  for (const t of inline) bodies.push(Buffer.from(t));
  await page.close();
  return { raw: bodies.reduce((a, b) => a + b.length, 0), gzip: bodies.reduce((a, b) => a + gzipSync(b, { level: 9 }).length, 0), files: bodies.length };
}

const server = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  // 1. Navigation to first markers.
  const nav: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}/playground/`);
    await page.locator('[data-testid="problems"] li').first().waitFor({ timeout: 30_000 });
    nav.push(Date.now() - t0);
    await context.close();
  }
  // 2. Keystroke to updated markers, 300 lines.
  const page = await browser.newPage();
  await page.goto(`${base}/playground/`);
  await page.locator('body[data-playground="ready"]').waitFor();
  const lines = ['FROM python:3.12-slim'];
  for (let i = 1; i < 300; i++) lines.push(i % 3 === 0 ? `RUN pip install pkg${i}` : i % 3 === 1 ? `ENV VAR_${i}=value` : `COPY file${i} /app/file${i}`);
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(`${lines.join('\n')}\n`);
  await page.waitForFunction(() => document.body.dataset.linted !== undefined);
  await page.waitForTimeout(500);
  // The page records, for each edit, the time from the text change to the new markers being set.
  await page.evaluate(() => { (window as unknown as { __shipshapeLatencies: number[] }).__shipshapeLatencies.length = 0; });
  for (let i = 0; i < 30; i++) {
    const before = await page.evaluate(() => document.body.dataset.linted);
    await page.keyboard.type('x');
    await page.waitForFunction((b) => document.body.dataset.linted !== b, before);
  }
  const keys = await page.evaluate(() => (window as unknown as { __shipshapeLatencies: number[] }).__shipshapeLatencies.slice());
  const pages: Record<string, Awaited<ReturnType<typeof jsBytes>>> = {};
  for (const p of ['/playground/', '/rules/pip-no-cache-dir/', '/guides/gunicorn-heartbeat/', '/rules/', '/']) pages[p] = await jsBytes(browser, p);
  await browser.close();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`navigation to first markers (preset, median of 5): ${median(nav)} ms  [${nav.join(', ')}]  budget 1500 ms`);
  console.log(`keystroke to updated markers, 300 lines (median of 30): ${median(keys).toFixed(1)} ms  (p90 ${[...keys].sort((a, b) => a - b)[26]!.toFixed(1)} ms)  budget 50 ms`);
  for (const [p, v] of Object.entries(pages)) console.log(`JavaScript for ${p}: ${kb(v.gzip)} gzip (${kb(v.raw)} raw, ${v.files} scripts)`);
} finally {
  server.kill();
}

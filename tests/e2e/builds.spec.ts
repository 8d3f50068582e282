import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The measured charts (issue #7). Which state the built site is in decides which tests run: with
// src/data/builds.json the charts, rule lines and playground hovers carry numbers; without it they
// must say "not measured yet" and show none.
const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = resolve(root, process.env.SHIPSHAPE_OUT_DIR ?? 'dist/site');
const probe = join(outDir, 'guides/multi-stage-builds/index.html');
const measured = existsSync(probe) && readFileSync(probe, 'utf8').includes('data-measured="true"');
const ABSENT = 'src/data/builds.json was absent when this site was built: the charts say "not measured yet" (run `npm run measure`, then build)';
const PRESENT = 'the site was built with measurements (src/data/builds.json); the "not measured yet" state is not shown';

/** Guide → the charts it shows (kind, anchor). */
const GUIDE_CHARTS: Record<string, Array<['size' | 'time', string]>> = {
  'multi-stage-builds': [['size', 'chart-wheels-sizes'], ['size', 'chart-multi-stage-sizes']],
  'slim-over-alpine': [['size', 'chart-slim-sizes']],
  'pip-and-uv-caches': [['size', 'chart-pip-sizes'], ['time', 'chart-pip-times']],
  'layer-order': [['time', 'chart-rebuild-times']],
  'apt-packages': [['size', 'chart-apt-sizes']],
  'reviewing-a-serving-image': [['size', 'chart-review-sizes'], ['time', 'chart-review-times']],
};
/** Rule → the chart its measured line links to (mirrors src/data/rule-costs.ts). */
const RULE_CHARTS: Record<string, string> = {
  'full-python-base': '/guides/multi-stage-builds/#chart-multi-stage-sizes',
  'wheels-left-in-image': '/guides/multi-stage-builds/#chart-wheels-sizes',
  'apt-get-missing-no-install-recommends': '/guides/apt-packages/#chart-apt-sizes',
  'apt-lists-not-removed': '/guides/apt-packages/#chart-apt-sizes',
  'pip-no-cache-dir': '/guides/pip-and-uv-caches/#chart-pip-sizes',
};

/** The data's label, as the method page prints it. */
async function dataLabel(page: Page): Promise<string> {
  const html = await page.request.get('/builds/').then((r) => r.text());
  const label = /data-testid="builds-label"[^>]*>([^<]+)</.exec(html)?.[1]?.trim();
  expect(label, 'the label on /builds/').toBeTruthy();
  return label!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
}

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

// Published figures do not depend on our measurements: shown in both states.
test.describe('always', () => {
  test('slim-over-alpine labels the Alpine figures as published, with sources', async ({ page }) => {
    await page.goto('/guides/slim-over-alpine/');
    const fig = page.locator('figure#published-sizes');
    await expect(fig).toContainText('not measured by us');
    await expect(fig.locator('thead').first()).toContainText('On disk, MB');
    const alpine = fig.locator('tr[data-image="python:3.14-alpine"]');
    await expect(alpine).toContainText('~47.8');
    // Each published figure carries its date and its source.
    await expect(alpine).toContainText(/built \d{4}-\d{2}-\d{2}/);
    await expect(fig.locator('tr[data-image="python:3.14-alpine"] a').first()).toHaveAttribute('href', /^https:\/\/github\.com\/docker-library\/repo-info\//);
  });
});

test.describe('with measurements', () => {
  test.skip(!measured, ABSENT);

  for (const [guide, charts] of Object.entries(GUIDE_CHARTS)) {
    test(`${guide} shows its charts as inline SVG with a data table`, async ({ page }) => {
      const problems = watch(page);
      const label = await dataLabel(page);
      await page.goto(`/guides/${guide}/`);
      for (const [kind, id] of charts) {
        const fig = page.locator(`figure#${id}`);
        await expect(fig).toHaveAttribute('data-chart', kind);
        await expect(fig).toHaveAttribute('data-measured', 'true');
        const svg = fig.locator('svg[role="img"]');
        await expect(svg).toBeVisible();
        // Named by its own title and description.
        const labelledby = (await svg.getAttribute('aria-labelledby'))!.split(' ');
        for (const ref of labelledby) await expect(fig.locator(`[id="${ref}"]`)).toHaveCount(1);
        const bars = await svg.locator('g.chart__row').count();
        expect(bars).toBeGreaterThan(0);
        await expect(fig.locator('table.chart__table').first().locator('tbody tr')).toHaveCount(bars);
        // Every drawn segment says what it is when hovered.
        const segments = svg.locator('rect.seg');
        expect(await segments.count()).toBeGreaterThan(0);
        expect(await svg.locator('rect.seg:not(:has(title))').count()).toBe(0);
        if (kind === 'size') await expect(segments.first().locator('title')).toContainText(/ MB | kB | B /);
        // The data's label ("Measured on locally built stand-ins …, <date>") in the caption and in the chart.
        await expect(fig.locator('figcaption')).toContainText(label);
        await expect(fig.locator('figcaption')).toContainText(/buildah|docker/);
        await expect(svg.locator('text.chart__source')).toContainText(label.slice(0, 20));
        await expect(svg.locator('desc')).toContainText(label);
        await expect(fig.getByRole('link', { name: 'How it was measured' })).toHaveAttribute('href', '/builds/');
      }
      await expect(page.getByTestId('not-measured')).toHaveCount(0);
      expect(await page.locator('script[src], script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
      expect(problems).toEqual([]);
    });
  }

  test('the data tables are hidden visually but exposed to assistive technology', async ({ page }) => {
    await page.goto('/guides/pip-and-uv-caches/');
    for (const id of ['chart-pip-sizes', 'chart-pip-times']) {
      const fig = page.locator(`figure#${id}`);
      const box = await fig.getByTestId('chart-table').boundingBox();
      expect(box, `${id}: the table wrapper is laid out`).not.toBeNull();
      expect(box!.width * box!.height, `${id}: the table takes no visible space`).toBeLessThanOrEqual(1);
      // getByRole only finds what is in the accessibility tree: the table is there, with its caption.
      const table = fig.getByRole('table', { name: /sizes in MB|seconds per build/ });
      await expect(table).toHaveCount(1);
      expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    }
  });

  test('the chart pages have no axe violations', async ({ page }) => {
    for (const guide of ['multi-stage-builds', 'pip-and-uv-caches', 'slim-over-alpine']) {
      await page.goto(`/guides/${guide}/`);
      const result = await new AxeBuilder({ page }).include('figure.chart').analyze();
      expect(result.violations.map((v) => `${guide}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the charts fit a 390px phone (${scheme})`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const guide of Object.keys(GUIDE_CHARTS)) {
        await page.goto(`/guides/${guide}/`);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
        expect(scrollWidth, `${guide}: no horizontal scrolling`).toBeLessThanOrEqual(clientWidth);
        // SVG text does not wrap: every label, value and tick must lie inside its chart.
        const outside = await page.evaluate(() => [...document.querySelectorAll('figure.chart svg')].flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')].flatMap((t) => {
            const b = t.getBoundingClientRect();
            return b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1
              ? [`${svg.closest('figure')!.id}: "${t.textContent}" (${Math.round(b.left - box.left)}..${Math.round(b.right - box.left)} of ${Math.round(box.width)} px wide, ${Math.round(b.top - box.top)}..${Math.round(b.bottom - box.top)} of ${Math.round(box.height)} px high)`]
              : [];
          });
        }));
        expect(outside, guide).toEqual([]);
        // Text stays readable: no chart text smaller than 11 CSS px.
        const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('figure.chart svg text')].map((t) => parseFloat(getComputedStyle(t).fontSize))));
        expect(smallest, guide).toBeGreaterThanOrEqual(11);
      }
    });
  }

  for (const [rule, href] of Object.entries(RULE_CHARTS)) {
    test(`the ${rule} page quotes its measured cost and links to the chart`, async ({ page }) => {
      await page.goto(`/rules/${rule}/`);
      const line = page.getByTestId('measured-cost');
      await expect(line).toContainText(/^Measured: [\d,.]+ MB (more|less) \(uncompressed\) \/ [\d,.]+ MB (more|less) \(compressed\)|^Measured: no measurable difference/);
      // The data label, which ends with the date of the measurement.
      await expect(line).toContainText(/\d{4}-\d{2}-\d{2}\. See the chart/);
      await expect(line.getByRole('link', { name: 'See the chart' })).toHaveAttribute('href', href);
      await line.getByRole('link', { name: 'See the chart' }).click();
      await expect(page).toHaveURL(new RegExp(`${href.replace(/[/#]/g, (c) => `\\${c}`)}$`));
      await expect(page.locator(`figure#${href.split('#')[1]} svg[role="img"]`)).toBeVisible();
    });
  }

  test('a rule without a measured cost shows no measured line', async ({ page }) => {
    await page.goto('/rules/python-unbuffered/');
    await expect(page.getByTestId('measured-cost')).toHaveCount(0);
  });

  test('the playground hover of a measured rule shows the same line with the chart link', async ({ page }) => {
    await page.addInitScript(() => localStorage.clear());
    await page.goto('/playground/');
    await expect(page.locator('body[data-playground="ready"]')).toBeAttached({ timeout: 20_000 });
    const expected = await page.request.get('/rules/full-python-base/').then((r) => r.text());
    const text = /data-testid="measured-cost"[^>]*>([^<]*)</.exec(expected)![1]!.trim();
    await page.getByTestId('editor').locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('FROM python:3.12\n');
    const row = page.locator('[data-rule="full-python-base"]');
    await expect(row).toHaveCount(1);
    await row.locator('.problem__jump').click();
    await page.keyboard.press('ControlOrMeta+K');
    await page.keyboard.press('ControlOrMeta+I');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Measured:' }).first();
    await expect(hover).toBeVisible();
    await expect(hover).toContainText(text.replace(/&amp;/g, '&'));
    await expect(hover.getByRole('link', { name: 'See the chart' })).toHaveAttribute('data-href', /\/guides\/multi-stage-builds\/#chart-multi-stage-sizes$/);
  });

  test('the method page describes this measurement and has no axe violations', async ({ page }) => {
    await page.goto('/builds/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the example images are measured');
    await expect(page.getByTestId('builds-label')).not.toBeEmpty();
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

test.describe('without measurements', () => {
  test.skip(measured, PRESENT);

  for (const guide of Object.keys(GUIDE_CHARTS)) {
    test(`${guide} says "not measured yet" and draws no chart`, async ({ page }) => {
      await page.goto(`/guides/${guide}/`);
      for (const [, id] of GUIDE_CHARTS[guide]!) {
        const fig = page.locator(`figure#${id}`);
        await expect(fig).toHaveAttribute('data-measured', 'false');
        await expect(fig.getByTestId('not-measured')).toContainText('Not measured yet');
        await expect(fig.locator('svg, table')).toHaveCount(0);
      }
    });
  }

  test('rule pages with a measured pair say it is not measured yet, and show no number', async ({ page }) => {
    for (const rule of Object.keys(RULE_CHARTS)) {
      await page.goto(`/rules/${rule}/`);
      const line = page.getByTestId('measured-cost');
      await expect(line).toContainText('not measured yet');
      await expect(line).not.toContainText(/\d\s?MB/);
    }
  });

  test('the playground carries no measured lines', async ({ page }) => {
    await page.goto('/playground/');
    await expect(page.locator('[data-measured-costs]')).toHaveAttribute('data-measured-costs', '{}');
  });

  test('the method page says nothing was measured and has no axe violations', async ({ page }) => {
    await page.goto('/builds/');
    await expect(page.getByTestId('not-measured')).toContainText('Not measured yet');
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

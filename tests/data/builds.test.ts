import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import {
  VARIANT_IDS, baseAndOwn, builds, builderText, checkBuilds, findVariant, formatBytes, formatDelta, formatLarger, formatMB, formatSeconds,
  labelInSentence, sizeDelta, variant, variants, type BuildsData,
} from '~/data/builds';
import { RULE_COSTS, measuredCost, measuredCostLines } from '~/data/rule-costs';
import { readMeasuredLines } from '~/playground/measured-hover';
import { rules } from '~/rules/index';
import { niceTicks, stack } from '~/site/charts';

const root = join(import.meta.dirname, '..', '..');
/** Synthetic numbers (tests/fixtures/builds.sample.json): never shown on the site. */
const fixture = checkBuilds(JSON.parse(readFileSync(join(root, 'tests/fixtures/builds.sample.json'), 'utf8')), 'fixture');
const MB = 1_000_000;

describe('the fixture', () => {
  it('is clearly synthetic and covers every variant id', () => {
    expect(fixture.label).toMatch(/SYNTHETIC/);
    expect(fixture.variants.map((v) => v.id).sort()).toEqual([...VARIANT_IDS].sort());
  });
  it('has totals equal to the sum of its layers', () => {
    for (const v of fixture.variants) {
      expect(v.layers.reduce((s, l) => s + l.uncompressedBytes, 0)).toBe(v.uncompressedBytes);
      expect(v.layers.reduce((s, l) => s + l.compressedBytes, 0)).toBe(v.compressedBytes);
      expect(v.layers.length).toBe(v.layerCount);
    }
  });
  it('matches src/data/builds.schema.json (the measure side\'s schema, with its formats)', async () => {
    const { validateBuilds } = await import('../../src/tools/measure/schema');
    expect(validateBuilds(root, fixture)).toEqual([]);
  });
  it('the committed measurement matches the schema too', async () => {
    const { validateBuilds } = await import('../../src/tools/measure/schema');
    expect(validateBuilds(root, JSON.parse(readFileSync(join(root, 'src/data/builds.json'), 'utf8')))).toEqual([]);
  });
});

describe('checkBuilds', () => {
  it('rejects other schema versions and non-objects with a message naming the file', () => {
    expect(() => checkBuilds({ ...fixture, schemaVersion: 2 }, 'x.json')).toThrow(/x\.json: schemaVersion 2/);
    expect(() => checkBuilds(null, 'x.json')).toThrow(/x\.json: not a JSON object/);
    expect(() => checkBuilds({ schemaVersion: 1 }, 'x.json')).toThrow(/missing variants/);
  });
});

describe('helpers', () => {
  it('find variants by id', () => {
    expect(variant('apt-minimal', fixture).title).toBe('apt minimal');
    expect(findVariant('nope', fixture)).toBeUndefined();
    expect(findVariant('apt-minimal', null)).toBeUndefined();
    expect(() => variant('nope', fixture)).toThrow(/no variant "nope"/);
    expect(() => variant('apt-minimal', null)).toThrow(/builds\.json is absent.*npm run measure/);
    expect(variants(['pip-cache-kept', 'apt-minimal'], fixture).map((v) => v.id)).toEqual(['pip-cache-kept', 'apt-minimal']);
  });
  it('compute size differences', () => {
    const d = sizeDelta('full-single-stage', 'slim-single-stage', fixture);
    // full: 1000 MB base + 30 MB pip layer + 21 kB; slim: 120 MB base + 40 MB + 21 kB.
    expect(d.uncompressedBytes).toBe(1030 * MB - 160 * MB);
    expect(d.compressedBytes).toBe(390 * MB - 59 * MB);
    expect(d.uncompressedRatio).toBeCloseTo((1030 * MB + 21_000) / (160 * MB + 21_000), 10);
    expect(sizeDelta('apt-minimal', 'apt-recommends-kept', fixture).uncompressedBytes).toBe(-65 * MB);
  });
  it('split base and own layers', () => {
    expect(baseAndOwn(variant('apt-minimal', fixture), 'uncompressed')).toEqual({ base: 120 * MB, own: 5 * MB + 21_000 });
    expect(baseAndOwn(variant('apt-minimal', fixture), 'compressed')).toEqual({ base: 45 * MB, own: 2 * MB + 8_500 });
  });
  it('format with stated decimal units', () => {
    expect(formatMB(153_912_345)).toBe('153.9 MB');
    expect(formatMB(1_028_000_000)).toBe('1,028.0 MB');
    expect(formatMB(200 * MB, 0)).toBe('200 MB');
    expect(formatBytes(21_000)).toBe('21.0 kB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2_500_000)).toBe('2.5 MB');
    expect(formatDelta(31_200_000)).toBe('31.2 MB more');
    expect(formatDelta(-400_000)).toBe('0.4 MB less');
    expect(formatDelta(10_000)).toBe('no measurable difference');
    expect(formatLarger(31_200_000)).toBe('31.2 MB larger than');
    expect(formatLarger(-400_000)).toBe('0.4 MB smaller than');
    expect(formatLarger(0)).toBe('about the same size as');
    expect(formatSeconds(12.345)).toBe('12.3 s');
    expect(formatSeconds(1234.5)).toBe('1,235 s');
    expect(builderText(fixture)).toBe('buildah 0.0.0-fixture (vfs storage, chroot isolation)');
    expect(labelInSentence({ ...fixture, label: 'Measured on stand-ins, 2026-11-23' })).toBe('measured on stand-ins, 2026-11-23');
  });
});

describe('chart geometry', () => {
  it('picks round ticks that cover the maximum', () => {
    expect(niceTicks(1030)).toEqual([0, 250, 500, 750, 1000, 1250]);
    expect(niceTicks(175)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(160)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
  it('stacks positive values end to end', () => {
    const s = stack([10, 0, 30, -1, 60], (v) => v, 100, 200, 0);
    expect(s.map((x) => [x.item, x.x, x.width])).toEqual([[10, 0, 20], [30, 20, 60], [60, 80, 120]]);
    expect(stack([0.001], (v) => v, 100, 200, 0.6)[0]!.width).toBe(0.6);
  });
});

describe('rule costs', () => {
  const ruleNames = new Set(rules.map((r) => r.name));
  it('name existing rules, known variants and chart anchors that exist in the guides', () => {
    for (const [rule, cost] of Object.entries(RULE_COSTS)) {
      expect(ruleNames.has(rule), rule).toBe(true);
      expect(VARIANT_IDS).toContain(cost.worse);
      expect(VARIANT_IDS).toContain(cost.better);
      const guide = readFileSync(join(root, 'content/guides', `${cost.guide}.mdx`), 'utf8');
      expect(guide, `${cost.guide} has no chart #${cost.anchor}`).toContain(`id="${cost.anchor}"`);
    }
  });
  it('cover the measured rules of issue #7', () => {
    expect(Object.keys(RULE_COSTS).sort()).toEqual(['apt-get-missing-no-install-recommends', 'apt-lists-not-removed', 'full-python-base', 'pip-no-cache-dir', 'wheels-left-in-image']);
  });
  it('give the measured line with both sizes, the label and the chart link', () => {
    const m = measuredCost('wheels-left-in-image', fixture)!;
    expect(m.uncompressedBytes).toBe(25 * MB);
    expect(m.compressedBytes).toBe(24 * MB);
    expect(m.text).toBe('Measured: 25.0 MB more (uncompressed) / 24.0 MB more (compressed) for wheels copied into the final stage than wheels bind-mounted from the builder; SYNTHETIC TEST FIXTURE, not a measurement, 2000-01-01.');
    expect(m.href).toBe('/guides/multi-stage-builds/#chart-wheels-sizes');
    expect(measuredCost('pip-no-cache-dir', fixture)!.text).toMatch(/^Measured: 15\.0 MB more \(uncompressed\) \/ 15\.0 MB more \(compressed\)/);
    expect(measuredCost('apt-lists-not-removed', fixture)!.uncompressedBytes).toBe(65 * MB);
  });
  it('give nothing without data, for unmeasured rules, or when a variant is missing', () => {
    expect(measuredCost('pip-no-cache-dir', null)).toBeNull();
    expect(measuredCost('python-unbuffered', fixture)).toBeNull();
    const partial: BuildsData = { ...fixture, variants: fixture.variants.filter((v) => v.id !== 'pip-cache-kept') };
    expect(measuredCost('pip-no-cache-dir', partial)).toBeNull();
  });
  it('hand the playground a few hundred bytes, not the data file', () => {
    const lines = measuredCostLines(fixture);
    expect(Object.keys(lines).sort()).toEqual(Object.keys(RULE_COSTS).sort());
    expect(JSON.stringify(lines).length).toBeLessThan(2_000);
    expect(measuredCostLines(null)).toEqual({});
  });
  it('round-trip through the playground page attribute, dropping anything malformed', () => {
    const el = (v?: string) => ({ dataset: v === undefined ? {} : { measuredCosts: v } }) as unknown as HTMLElement;
    const lines = measuredCostLines(fixture);
    expect(readMeasuredLines(el(JSON.stringify(lines)))).toEqual(lines);
    expect(readMeasuredLines(el())).toEqual({});
    expect(readMeasuredLines(null)).toEqual({});
    expect(readMeasuredLines(el('{oops'))).toEqual({});
    expect(readMeasuredLines(el(JSON.stringify({ a: { text: 'x', href: 'javascript:alert(1)' }, b: { text: 1, href: '/x/' } })))).toEqual({});
  });
});

describe('the rule engine stays independent of the measurements', () => {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : /\.ts$/.test(d.name) ? [join(dir, d.name)] : []);
  it('src/engine and src/rules import nothing from src/data', () => {
    const offenders = [...files(join(root, 'src/engine')), ...files(join(root, 'src/rules'))]
      .filter((f) => /from\s+['"][^'"]*data\/(builds|rule-costs|published-sizes)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

type Component = Parameters<Awaited<ReturnType<typeof AstroContainer.create>>['renderToString']>[0];
// Loaded by Vite as components; `as string` only keeps tsc, which cannot read .astro files, out of it.
const BuildSizeChart = (await import('~/components/BuildSizeChart.astro' as string)).default as Component;
const BuildTimeChart = (await import('~/components/BuildTimeChart.astro' as string)).default as Component;

describe('chart components (rendered at build time)', async () => {
  const container = await AstroContainer.create();
  /** Rendered HTML without the dev-mode source attributes. */
  const render = async (...args: Parameters<typeof container.renderToString>) =>
    (await container.renderToString(...args)).replace(/ data-astro-source-(file|loc)="[^"]*"/g, '');
  const ids = ['full-single-stage', 'slim-single-stage', 'wheels-copied'];
  it('BuildSizeChart draws one bar per variant, a titled segment per non-empty layer, and a table', async () => {
    const html = await render(BuildSizeChart, { props: { id: 'c1', title: 'Sizes', variants: ids, data: fixture } });
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="c1-svg-title c1-svg-desc"/);
    expect(html).toContain('id="c1"');
    expect((html.match(/class="chart__row"/g) ?? []).length).toBe(3);
    const nonEmpty = ids.reduce((n, id) => n + variant(id, fixture).layers.filter((l) => l.uncompressedBytes > 0).length, 0);
    expect((html.match(/<rect class="seg /g) ?? []).length).toBe(nonEmpty);
    expect(html).toContain('<title>base image: python:3.11 (synthetic layer 1 of 2) · 600.0 MB uncompressed</title>');
    expect(html).toContain('line 4: COPY --from=builder /wheels /wheels · 25.0 MB uncompressed');
    expect(html).toContain('<th scope="row">Single stage, full base</th>');
    expect(html).toContain('1,030.0 MB');
    expect(html).toContain(fixture.label);
    expect(html).toContain('buildah 0.0.0-fixture');
    expect(html).toContain('href="/builds/"');
    expect(html).not.toContain('<script');
  });
  it('BuildSizeChart can show compressed bars', async () => {
    const html = await render(BuildSizeChart, { props: { id: 'c2', title: 'Sizes', variants: ['apt-minimal'], measure: 'compressed', data: fixture } });
    expect(html).toContain('data-measure="compressed"');
    expect(html).toContain('(synthetic layer 1 of 2) · 30.0 MB compressed</title>');
  });
  it('BuildTimeChart draws the four timings, n/a where a timing does not apply', async () => {
    const html = await render(BuildTimeChart, { props: { id: 't1', title: 'Times', variants: ['apt-minimal', 'pip-cache-mount'], data: fixture } });
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect((html.match(/<rect class="seg /g) ?? []).length).toBe(7);
    expect(html).toContain('new requirement: n/a');
    expect(html).toContain('<td>15.0 s</td>');
    expect(html).toContain(fixture.label);
  });
  it('say "not measured yet" and show no number without data', async () => {
    for (const C of [BuildSizeChart, BuildTimeChart]) {
      const html = await render(C, { props: { id: 'n1', title: 'Nothing', variants: ids, data: null } });
      expect(html).toContain('Not measured yet');
      expect(html).toContain('id="n1"');
      expect(html).not.toMatch(/\d\s?(MB|s)\b/);
      expect(html).not.toContain('<svg');
    }
  });
  it('name the variants a measurement lacks', async () => {
    const partial: BuildsData = { ...fixture, variants: fixture.variants.filter((v) => v.id !== 'wheels-copied') };
    const html = await render(BuildSizeChart, { props: { id: 'p1', title: 'Partial', variants: ids, data: partial } });
    expect(html).toContain('Not measured yet: wheels-copied.');
    expect((html.match(/class="chart__row"/g) ?? []).length).toBe(2);
  });
  it('refuse unknown variant ids', async () => {
    await expect(render(BuildSizeChart, { props: { id: 'x', title: 'x', variants: ['typo'], data: fixture } })).rejects.toThrow(/unknown variant id\(s\) typo/);
  });
});

describe('the measured data, when present', () => {
  it.skipIf(builds === null)('holds every variant, with guides and rules that exist', () => {
    const data = builds!;
    const guides = new Set(readdirSync(join(root, 'content/guides')).map((f) => f.replace(/\.mdx?$/, '')));
    const ruleNames = new Set(rules.map((r) => r.name));
    expect(data.variants.map((v) => v.id).sort()).toEqual([...VARIANT_IDS].sort());
    for (const v of data.variants) {
      for (const g of v.guides) expect(guides.has(g), `${v.id}: guide ${g}`).toBe(true);
      for (const r of v.rules) expect(ruleNames.has(r), `${v.id}: rule ${r}`).toBe(true);
    }
  });
});

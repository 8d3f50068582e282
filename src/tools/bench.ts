// `npm run bench`: how fast the engine lints, in one process, against references timed in the
// same run on the same texts (these machines are shared and noisy, so every figure is a median,
// and the tools are timed in turns so that a change of load hits all of them alike):
//   1. median lint time per fixture Dockerfile (every rule of the registry on)
//   2. full lint ÷ a bare dockerfile-ast parse of the same text (the parse is the floor; target ≤ 2.0)
//   3. full lint ÷ dockerfile-utils' validate(content), and ÷ dockerfilelint's run(dir, content)
//   4. lint time at 10× the lines ÷ lint time at 1× (a realistic ~200-line file; target ≤ 12)
// The engine is timed as it ships: bundled by esbuild as the CLI and the site bundle it. The source
// as tsx runs it is timed too (tsx adds esbuild's keepNames, a `__name()` call per closure).
// Not a test: it prints figures and always exits 0.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { build } from 'esbuild';
import { lint as lintSource } from '~/engine/index';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// dockerfilelint reads `<dir>/.dockerfilelintrc` on every run (a path.join, so the dir is required):
// an empty directory of our own, so no stray config changes what it does.
const dockerfilelint = require('dockerfilelint/lib/index.js') as { run(configDir: string, content: string): unknown[] };
const noConfig = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));

// The engine bundled with the options of src/tools/build-cli.mjs, inside node_modules so that its
// external packages resolve.
const bundleDir = join(root, 'node_modules', '.cache', 'shipshape-bench');
mkdirSync(bundleDir, { recursive: true });
const bundleFile = join(bundleDir, `engine-${process.pid}.mjs`);
await build({
  entryPoints: [join(root, 'src/engine/index.ts')], outfile: bundleFile, bundle: true, platform: 'node', format: 'esm',
  target: 'node20', packages: 'external', logLevel: 'warning', tsconfig: join(root, 'tsconfig.json'),
});
const shipped = await import(pathToFileURL(bundleFile).href) as typeof import('~/engine/index');
rmSync(bundleFile, { force: true });
const { lint, rules } = shipped;

const dir = join(root, 'tests', 'fixtures', 'dockerfiles');
const walk = (d: string): string[] => readdirSync(d).sort().flatMap((f) => {
  const p = join(d, f);
  return statSync(p).isDirectory() ? walk(p) : /Dockerfile$/i.test(f) ? [p] : [];
});
const files = walk(dir).map((p) => ({ name: relative(dir, p), text: readFileSync(p, 'utf8') }));

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const lineCount = (t: string) => t.split(/\r\n|\r|\n/).length - (t.endsWith('\n') ? 1 : 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** Calls `fn` for at least `ms` milliseconds (and at least 20 times), so the JIT has compiled what it runs. */
function warm(fn: () => void, ms: number): void {
  const t = nowMs();
  for (let i = 0; i < 20 || nowMs() - t < ms; i++) fn();
}

/**
 * A batch size that makes one timing take at least ~3 ms, so timer resolution does not matter.
 * Chosen after the warm-up: a cold first call (the JIT not yet at work) takes many times longer
 * than a warm one, and a batch sized on it times a small file one call at a time.
 */
function batchFor(fn: () => void): number {
  for (let batch = 1; ; batch *= 2) {
    const t = nowMs();
    for (let i = 0; i < batch; i++) fn();
    if (nowMs() - t >= 3 || batch >= 4096) return batch;
  }
}

/** Median wall time of one call of each function in ms, timed in turns, round after round, after a warm-up. */
function measure<K extends string>(fns: Record<K, () => void>, rounds = 15): Record<K, number> {
  const keys = Object.keys(fns) as K[];
  for (const k of keys) warm(fns[k], 100);
  const batches = new Map(keys.map((k) => [k, batchFor(fns[k])]));
  const samples = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const k of keys) {
      const batch = batches.get(k)!;
      const t = nowMs();
      for (let i = 0; i < batch; i++) fns[k]();
      samples.get(k)!.push((nowMs() - t) / batch);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, median(samples.get(k)!)])) as Record<K, number>;
}

// Realistic large files: fixture bodies (parser directives dropped, since they only count at the
// top) appended until 200 lines; the 10× file is ten such files with the stage names of each copy
// made unique, as one big real Dockerfile would have them.
const bodies = files.map((f) => f.text.replace(/^# *(syntax|check|escape)=.*\r?\n/gm, ''));
const order = [...bodies].sort((a, b) => lineCount(b) - lineCount(a));
let one = '';
for (let i = 0; lineCount(one) < 200; i++) one += `${order[i % order.length]!.trimEnd()}\n\n`;
const renameStages = (text: string, k: number) => {
  const names = [...text.matchAll(/^FROM\s.*?\sAS\s+(\S+)/gim)].map((m) => m[1]!);
  if (!names.length) return text;
  const re = new RegExp(`(\\sAS\\s+|^FROM\\s+|--from=)(${names.map((n) => n.replace(/[^\w-]/g, '\\$&')).join('|')})\\b`, 'gim');
  return text.replace(re, (_m, pre: string, name: string) => `${pre}${name}-${k}`);
};
const ten = Array.from({ length: 10 }, (_, k) => renameStages(one, k)).join('\n');

// Three passes in this one process, each timing its tools in turns on the same texts. The engine
// and the parse go first, with nothing else run yet: that is how the CLI and the playground run it,
// and other linters running in between (dockerfile-utils calls dockerfile-ast's getters on its own
// objects, tsx's copy of the engine runs the same code as a second module) make the shared code's
// call sites see more shapes and slow both sides. The references come after, in their own passes.
interface Row { name: string; lines: number; lint: number; source: number; parse: number; utils: number; dfl: number; lintVsRefs: number }
const texts = [...files, { name: 'generated 1x', text: one }];
const table: Row[] = texts.map((f) => ({ name: f.name, lines: lineCount(f.text), lint: 0, source: 0, parse: 0, utils: 0, dfl: 0, lintVsRefs: 0 }));
// Pass 1: the engine against the parse, and the scaling pair.
texts.forEach((f, i) => {
  const m = measure({ lint: () => lint(f.text), parse: () => DockerfileParser.parse(f.text) });
  table[i]!.lint = m.lint;
  table[i]!.parse = m.parse;
});
// dockerfile-ast's own parse is not linear (it assigns every comment to a stage by scanning the
// stages), so its scaling is printed next to ours.
const scaling = measure({
  one: () => lint(one),
  ten: () => lint(ten),
  parseOne: () => DockerfileParser.parse(one),
  parseTen: () => DockerfileParser.parse(ten),
}, 9);
// Pass 2: the engine against the other linters (the engine timed again, beside them).
texts.forEach((f, i) => {
  const m = measure({
    lint: () => lint(f.text),
    utils: () => validate(f.text),
    dfl: () => dockerfilelint.run(noConfig, f.text),
  });
  Object.assign(table[i]!, { utils: m.utils, dfl: m.dfl, lintVsRefs: m.lint });
});
// Pass 3: the source through tsx, for information.
texts.forEach((f, i) => { table[i]!.source = measure({ source: () => lintSource(f.text) }).source; });
const fixtureRows = table.slice(0, files.length);
rmSync(noConfig, { recursive: true, force: true });

const pad = (s: string | number, n: number) => String(s).padStart(n);
const ms = (x: number) => x.toFixed(3);
console.log(`Shipshape bench: ${rules.length} rules in the registry, ${files.length} fixture Dockerfiles, Node ${process.version}`);
console.log('Wall time, medians of tools timed in turns. "lint" = the engine bundled as it ships, timed beside the parse; "tsx" = the source run through tsx; utils and dfl timed beside the engine in a later pass.');
console.log(`${'file'.padEnd(42)} ${pad('lines', 5)} ${pad('lint ms', 8)} ${pad('tsx ms', 8)} ${pad('parse ms', 8)} ${pad('lint/parse', 10)} ${pad('utils ms', 8)} ${pad('dfl ms', 8)}`);
for (const r of table) {
  console.log(`${r.name.padEnd(42)} ${pad(r.lines, 5)} ${pad(ms(r.lint), 8)} ${pad(ms(r.source), 8)} ${pad(ms(r.parse), 8)} ${pad((r.lint / r.parse).toFixed(2), 10)} ${pad(ms(r.utils), 8)} ${pad(ms(r.dfl), 8)}`);
}
const lintAll = sum(fixtureRows.map((r) => r.lint));
const sourceAll = sum(fixtureRows.map((r) => r.source));
const parseAll = sum(fixtureRows.map((r) => r.parse));
const utilsAll = sum(fixtureRows.map((r) => r.utils));
const lintVsRefsAll = sum(fixtureRows.map((r) => r.lintVsRefs));
const dflAll = sum(fixtureRows.map((r) => r.dfl));
const big = table[table.length - 1]!;
console.log('');
console.log(`1. Median lint time per file: ${ms(median(fixtureRows.map((r) => r.lint)))} ms (${fixtureRows.length} fixtures, ${rules.length} rules; through tsx: ${ms(median(fixtureRows.map((r) => r.source)))} ms)`);
console.log(`2. Full lint / dockerfile-ast parse: ${(lintAll / parseAll).toFixed(2)} over the fixtures (lint ${lintAll.toFixed(2)} ms, parse ${parseAll.toFixed(2)} ms; target <= 2.0); ${(big.lint / big.parse).toFixed(2)} on the ${big.lines}-line file; through tsx: ${(sourceAll / parseAll).toFixed(2)}`);
console.log(`3. Full lint / dockerfile-utils validate: ${(lintVsRefsAll / utilsAll).toFixed(2)} (validate ${utilsAll.toFixed(2)} ms); full lint / dockerfilelint: ${(lintVsRefsAll / dflAll).toFixed(2)} (dockerfilelint ${dflAll.toFixed(2)} ms); lint timed beside them: ${lintVsRefsAll.toFixed(2)} ms`);
console.log(`4. Scaling, lint at 10x lines / lint at 1x: ${(scaling.ten / scaling.one).toFixed(2)} (${lineCount(one)} lines ${ms(scaling.one)} ms, ${lineCount(ten)} lines ${ms(scaling.ten)} ms; target <= 12; the parse alone: ${(scaling.parseTen / scaling.parseOne).toFixed(2)})`);

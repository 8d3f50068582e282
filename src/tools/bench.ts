// `npm run bench`: how fast the engine lints, in one process, against references timed in the
// same run on the same texts (these machines are shared and noisy, so every figure is a median
// or a ratio of medians):
//   1. median lint time per fixture Dockerfile (every rule of the registry on)
//   2. full lint ÷ a bare dockerfile-ast parse of the same text (the parse is the floor; target ≤ 2.0)
//   3. full lint ÷ dockerfile-utils' validate(content), and ÷ dockerfilelint's run(dir, content)
//   4. lint time at 10× the lines ÷ lint time at 1× (a realistic ~200-line file; target ≤ 12)
// Not a test: it prints figures and always exits 0.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { lint, rules } from '~/engine/index';

const require = createRequire(import.meta.url);
// dockerfilelint reads `<dir>/.dockerfilelintrc` on every run (a path.join, so the dir is required):
// an empty directory of our own, so no stray config changes what it does.
const dockerfilelint = require('dockerfilelint/lib/index.js') as { run(configDir: string, content: string): unknown[] };
const noConfig = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));

const dir = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'dockerfiles');
const walk = (d: string): string[] => readdirSync(d).sort().flatMap((f) => {
  const p = join(d, f);
  return statSync(p).isDirectory() ? walk(p) : /Dockerfile$/i.test(f) ? [p] : [];
});
const files = walk(dir).map((p) => ({ name: relative(dir, p), text: readFileSync(p, 'utf8') }));

/** Median time of one call of `fn` in ms: warm-up, then `rounds` samples of a batch of calls. */
function time(fn: () => void, rounds = 15): number {
  // Batches of at least ~2 ms, so that timer resolution does not matter for small files.
  let batch = 1;
  for (;;) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (ms >= 2 || batch >= 4096) break;
    batch *= 2;
  }
  for (let i = 0; i < batch * 3; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6 / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const lineCount = (t: string) => t.split(/\r\n|\r|\n/).length - (t.endsWith('\n') ? 1 : 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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

const table: Array<{ name: string; lines: number; lint: number; parse: number; utils: number; dfl: number }> = [];
for (const f of [...files, { name: `generated 1x`, text: one }]) {
  table.push({
    name: f.name,
    lines: lineCount(f.text),
    lint: time(() => lint(f.text)),
    parse: time(() => DockerfileParser.parse(f.text)),
    utils: time(() => validate(f.text)),
    dfl: time(() => dockerfilelint.run(noConfig, f.text)),
  });
}
const fixtureRows = table.slice(0, files.length);
const oneMs = table[table.length - 1]!.lint;
const tenMs = time(() => lint(ten), 9);
// dockerfile-ast's own parse is not linear (it assigns every comment to a stage by scanning the
// stages), so its scaling is printed next to ours.
const parseOne = time(() => DockerfileParser.parse(one));
const parseTen = time(() => DockerfileParser.parse(ten), 9);
rmSync(noConfig, { recursive: true, force: true });

const pad = (s: string | number, n: number) => String(s).padStart(n);
const ms = (x: number) => x.toFixed(3);
console.log(`Shipshape bench: ${rules.length} rules in the registry, ${files.length} fixture Dockerfiles, Node ${process.version}`);
console.log(`${'file'.padEnd(44)} ${pad('lines', 5)} ${pad('lint ms', 9)} ${pad('parse ms', 9)} ${pad('lint/parse', 10)} ${pad('utils ms', 9)} ${pad('dfl ms', 9)}`);
for (const r of table) {
  console.log(`${r.name.padEnd(44)} ${pad(r.lines, 5)} ${pad(ms(r.lint), 9)} ${pad(ms(r.parse), 9)} ${pad((r.lint / r.parse).toFixed(2), 10)} ${pad(ms(r.utils), 9)} ${pad(ms(r.dfl), 9)}`);
}
const lintAll = sum(fixtureRows.map((r) => r.lint));
const parseAll = sum(fixtureRows.map((r) => r.parse));
const utilsAll = sum(fixtureRows.map((r) => r.utils));
const dflAll = sum(fixtureRows.map((r) => r.dfl));
console.log('');
console.log(`1. Median lint time per file: ${ms(median(fixtureRows.map((r) => r.lint)))} ms (${fixtureRows.length} fixtures; all ${rules.length} rules)`);
console.log(`2. Full lint / dockerfile-ast parse: ${(lintAll / parseAll).toFixed(2)} (sum of medians over the fixtures: lint ${lintAll.toFixed(2)} ms, parse ${parseAll.toFixed(2)} ms; target <= 2.0)`);
console.log(`3. Full lint / dockerfile-utils validate: ${(lintAll / utilsAll).toFixed(2)} (validate ${utilsAll.toFixed(2)} ms); full lint / dockerfilelint: ${(lintAll / dflAll).toFixed(2)} (dockerfilelint ${dflAll.toFixed(2)} ms)`);
console.log(`4. Scaling, lint at 10x lines / lint at 1x: ${(tenMs / oneMs).toFixed(2)} (${lineCount(one)} lines ${ms(oneMs)} ms, ${lineCount(ten)} lines ${ms(tenMs)} ms; target <= 12; the parse alone: ${(parseTen / parseOne).toFixed(2)})`);

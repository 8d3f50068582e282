// `npm run bench`: how fast the engine lints, in one process, against references timed in the
// same run (these machines are noisy, so every figure is a ratio or a median):
//   1. median lint time per fixture Dockerfile
//   2. full lint (every rule) ÷ a bare dockerfile-ast parse of the same text (the parse is the floor)
//   3. full lint ÷ dockerfile-utils' validate, and ÷ dockerfilelint, on the same texts
//   4. lint time at 10× the lines ÷ lint time at 1×
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { lint, rules } from '~/engine/index';

const require = createRequire(import.meta.url);
const dockerfilelint = require('dockerfilelint') as { run(configDir: string, content: string): unknown[] };
// dockerfilelint looks for a .dockerfilelintrc in the directory it is given: an empty one here.
const noConfig = tmpdir();

const dir = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'dockerfiles');
const files = readdirSync(dir).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));

/** Median of `runs` timings of `fn`, after a warm-up, in milliseconds. */
function time(fn: () => void, runs = 21): number {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const corpus = files.map((f) => f.text);
const perFile = files.map((f) => ({ name: f.name, lines: f.text.split('\n').length, ms: time(() => lint(f.text), 51) }));

// The same texts, each through every tool; sums of medians per file.
const lintAll = sum(corpus.map((t) => time(() => lint(t))));
const parseAll = sum(corpus.map((t) => time(() => DockerfileParser.parse(t))));
const utilsAll = sum(corpus.map((t) => time(() => validate(t))));
const dflAll = sum(corpus.map((t) => time(() => dockerfilelint.run(noConfig, t))));

// A realistic large file (all fixtures, 1×) against 10 copies of it (10×).
const body = corpus.map((t) => t.replace(/^# (syntax|check|escape)=.*$/gm, '')).join('\n');
const big10 = Array.from({ length: 10 }, () => body).join('\n');
const one = time(() => lint(body), 15);
const ten = time(() => lint(big10), 7);

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`Shipshape bench: ${rules.length} rules, ${files.length} fixture Dockerfiles, Node ${process.version}`);
for (const f of perFile) console.log(`  ${pad(f.name, 32)} ${String(f.lines).padStart(4)} lines  ${f.ms.toFixed(3)} ms`);
const sorted = perFile.map((f) => f.ms).sort((a, b) => a - b);
console.log(`1. median lint time per file: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)} ms`);
console.log(`2. full lint / dockerfile-ast parse: ${(lintAll / parseAll).toFixed(2)}  (lint ${lintAll.toFixed(2)} ms, parse ${parseAll.toFixed(2)} ms; target <= 2.0)`);
console.log(`3. full lint / dockerfile-utils validate: ${(lintAll / utilsAll).toFixed(2)}  (validate ${utilsAll.toFixed(2)} ms); full lint / dockerfilelint: ${(lintAll / dflAll).toFixed(2)}  (dockerfilelint ${dflAll.toFixed(2)} ms)`);
console.log(`4. scaling, lint at 10x lines / lint at 1x: ${(ten / one).toFixed(2)}  (${body.split('\n').length} lines ${one.toFixed(2)} ms, ${big10.split('\n').length} lines ${ten.toFixed(2)} ms; target <= 12)`);

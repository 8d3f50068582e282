// `npm run bench:floor`: what a full lint costs above the parse before any rule logic runs, to show
// where the ≤ 2.0 target of `npm run bench` stands. Over the fixture Dockerfiles, in turns, medians of
// 31 rounds, each figure as a multiple of a bare dockerfile-ast parse timed in the same run:
//   none   lintWith([]): parse, model, suppressions, no rules
//   reads  one stand-in rule doing only the shared reads the rules stand on: every instruction's
//          arguments and flags, ENV/LABEL properties, the shell commands of every RUN/CMD/ENTRYPOINT/
//          HEALTHCHECK, the final stage
//   noop   every rule's visitors replaced by empty functions (the cost of dispatch)
//   all    every rule
// Uses the bundled library (dist/lib/index.js, built by `npm install` / src/tools/build-cli.mjs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..', '..');
const { DockerfileParser } = createRequire(import.meta.url)('dockerfile-ast');
const { rules, lintWith } = await import(pathToFileURL(join(root, 'dist', 'lib', 'index.js')).href);

const files = [];
const walk = (d) => {
  for (const f of readdirSync(d).sort()) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/Dockerfile$/i.test(f)) files.push(readFileSync(p, 'utf8'));
  }
};
walk(join(root, 'tests', 'fixtures', 'dockerfiles'));

const reads = {
  ...rules[0],
  name: 'reads',
  meta: { ...rules[0].meta, messages: {} },
  create: ({ model }) => ({
    '*'(i) {
      i.getArguments();
      if (i.getFlags) i.getFlags();
      const k = i.getKeyword();
      if (k === 'ENV' || k === 'LABEL') i.getProperties();
      if (k === 'RUN' || k === 'CMD' || k === 'ENTRYPOINT' || k === 'HEALTHCHECK') model.commands(i);
    },
    'Dockerfile:exit'() { void model.finalStage; },
  }),
};
// The visitor keys each rule registers, read from a real run, with empty functions made once.
const noop = rules.map((r) => {
  const keys = new Set();
  lintWith([{ ...r, create(ctx) { const v = r.create(ctx); for (const k in v) keys.add(k); return {}; } }], files.join('\n'));
  const visitors = Object.fromEntries([...keys].map((k) => [k, () => {}]));
  return { ...r, create: () => ({ ...visitors }) };
});

const fns = {
  parse: () => { for (const f of files) DockerfileParser.parse(f); },
  none: () => { for (const f of files) lintWith([], f); },
  reads: () => { for (const f of files) lintWith([reads], f); },
  noop: () => { for (const f of files) lintWith(noop, f); },
  all: () => { for (const f of files) lintWith(rules, f); },
};
const now = () => performance.now();
for (const k in fns) { const t = now(); while (now() - t < 400) fns[k](); }
const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
for (let r = 0; r < 31; r++) {
  for (const k in fns) {
    const t = now();
    for (let i = 0; i < 10; i++) fns[k]();
    samples[k].push((now() - t) / 10);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const parse = median(samples.parse);
console.log(`Shipshape bench:floor: ${files.length} fixtures, ${rules.length} rules, Node ${process.version}`);
for (const k in fns) console.log(`${k.padEnd(6)} ${median(samples[k]).toFixed(3).padStart(7)} ms  ${(median(samples[k]) / parse).toFixed(2)} × parse`);

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintDetailed } from '~/engine/index';

const fixtures = readdirSync(join(import.meta.dirname, '..', 'fixtures', 'dockerfiles'))
  .map((f) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'dockerfiles', f), 'utf8'));

const word = fc.constantFrom('pip', 'pip3', 'python', '-m', 'install', '--no-cache-dir', 'uv', 'sync', '--locked', 'apt-get', '-y', 'update',
  'flask', 'torch', '&&', '||', ';', '|', '\\\n', 'sh', '-c', "'", '"', '$X', '${Y}', 'gunicorn', '--reload', '/venv/bin/activate', '.', 'source', 'rm', '-rf');
const instruction = fc.oneof(
  fc.tuple(fc.constantFrom('FROM', 'from'), fc.constantFrom('python:3.12', 'python:3-slim', 'python:3.8-alpine', 'debian:buster', 'scratch', '$BASE', 'b'), fc.constantFrom('', ' AS b', ' as B')).map(([k, i, a]) => `${k} ${i}${a}`),
  fc.tuple(fc.constantFrom('RUN', 'RUN --mount=type=cache,target=/root/.cache/pip', 'RUN --mount=type=cache,target=l', 'ONBUILD RUN'), fc.array(word, { maxLength: 12 })).map(([k, w]) => `${k} ${w.join(' ')}`),
  fc.tuple(fc.constantFrom('CMD', 'ENTRYPOINT'), fc.array(fc.constantFrom('"gunicorn"', '"$PORT"', '"app:app"', '"--reload"', '"sh"', '"-c"'), { maxLength: 5 })).map(([k, w]) => `${k} [${w.join(', ')}]`),
  fc.constantFrom('ENV PYTHONUNBUFFERED=1', 'ENV PYTHONPATH=/a:$PYTHONPATH', 'USER root', 'USER 1000', 'COPY . .', 'COPY --from=b /usr/local/lib/python3.10/site-packages /x', 'WORKDIR app', 'ARG PY=3.12', 'EXPOSE 80:8000', 'MAINTAINER x', 'RUN <<EOF', 'EOF', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'HEALTHCHECK CMD true', '# shipshape ignore=pip-no-cache-dir', '# hadolint ignore=DL3042', '# check=skip=all'),
  fc.string({ maxLength: 30 }),
);
const dockerfile = fc.array(instruction, { maxLength: 25 }).map((lines) => `${lines.join('\n')}\n`);
const mutated = fc.tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 })), { maxLength: 6 }))
  .map(([text, edits]) => edits.reduce((t, [at, del, ins]) => { const i = t.length ? at % t.length : 0; return t.slice(0, i) + ins + t.slice(i + del); }, text));

function property(text: string): void {
  const { findings, ruleErrors } = lintDetailed(text);
  expect(ruleErrors).toEqual([]);
  for (const f of findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(0 <= f.start && f.start <= f.end && f.end <= text.length).toBe(true);
    for (const fix of [f.fix, ...(f.suggestions ?? [])]) {
      if (!fix) continue;
      for (const e of fix.edits) expect(0 <= e.start && e.start <= e.end && e.end <= text.length).toBe(true);
    }
  }
  // Safe fixes apply cleanly and settle.
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const next = applyFixes(current, lintDetailed(current).findings);
    expect(typeof next.text).toBe('string');
    if (!next.applied.length || next.text === current) break;
    current = next.text;
  }
  expect(lintDetailed(current).ruleErrors).toEqual([]);
}

describe('fuzzing lint()', () => {
  it('survives random Dockerfiles built from a grammar', () => {
    fc.assert(fc.property(dockerfile, property), { numRuns: 300, interruptAfterTimeLimit: 5_000 });
  }, 30_000);
  it('survives mutated fixture Dockerfiles', () => {
    fc.assert(fc.property(mutated, property), { numRuns: 200, interruptAfterTimeLimit: 5_000 });
  }, 30_000);
});

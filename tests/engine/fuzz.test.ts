import { DockerfileParser } from 'dockerfile-ast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintDetailed } from '~/engine/index';
import { fixtureDockerfiles } from '../support/fixtures';

// Random Dockerfiles from a grammar of instructions, flags and shell snippets, and random
// character mutations of the fixture Dockerfiles, thrown at lint() for a bounded time (about
// ten seconds in all). Properties: nothing throws, every range lies inside the text, and the safe
// fixes apply cleanly, settle within ten passes and never drop an instruction.

const fixtures = fixtureDockerfiles().map((f) => f.text);
/** Time per property; a longer campaign: `SHIPSHAPE_FUZZ_MS=120000 npx vitest run … tests/engine/fuzz.test.ts`. */
const LIMIT = Number(process.env.SHIPSHAPE_FUZZ_MS) || 5_000;
const RUNS = Math.max(2_000, LIMIT);

const shellWord = fc.constantFrom(
  'pip', 'pip3', 'pip3.12', '/venv/bin/pip', 'python', 'python3', '-m', 'install', 'wheel', '--no-cache-dir', '-r', 'requirements.txt',
  '--user', '--upgrade', '-U', '--index-url', 'http://pypi.internal/simple', '--trusted-host', 'pypi.internal', 'flask', 'torch',
  'uv', 'pip', 'sync', '--locked', '--frozen', '--no-cache', 'poetry', 'install', '--only', 'main', 'pipenv', '--deploy',
  'apt-get', 'apt', 'apk', 'add', '-y', '-qq', 'update', '--no-install-recommends', 'build-essential', 'libgl1-mesa-glx', 'python3-dev',
  'rm', '-rf', '/var/lib/apt/lists/*', '/root/.cache', 'cd', '/app', 'sudo', '-u', 'app', 'env', 'X=1', 'PIP_NO_CACHE_DIR=1',
  'sh', 'bash', '-c', '-lc', '.', 'source', '/venv/bin/activate', 'gunicorn', 'uvicorn', '--reload', 'app:app', 'curl', 'wget',
  'find', '-name', "'*.py'", '-delete', 'compileall', 'echo', '"a && b"', "'x || y'", '$X', '${Y:-z}', '$(cat f)', '`date`',
  '&&', '||', ';', '|', '&', '2>&1', '>', '/dev/null', '(', ')', 'if', 'then', 'fi', '[', '-f', ']', '\\\n    ', '\\\n# c\n    ',
);
const shellLine = fc.array(shellWord, { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));
const image = fc.constantFrom(
  'python:3.12', 'python:3.12-slim', 'python:3.12-slim-bookworm', 'python:3-slim', 'python:3.8-alpine', 'python', 'python:slim',
  'pypy:3.10', 'debian:buster', 'ubuntu:22.04', 'alpine:3.20', 'scratch', 'ghcr.io/astral-sh/uv:0.8', '$BASE', '${PY:-3.12}',
  'python@sha256:abc', 'registry.example:5000/team/python:3.11-alpine3.20', 'nvidia/cuda:12.4.1-runtime-ubuntu22.04', 'base', 'builder',
);
const mount = fc.constantFrom(
  '--mount=type=cache,target=/root/.cache/pip', '--mount=type=cache,target=/root/.cache/uv', '--mount=type=cache,target=l',
  '--mount=type=cache,target=/var/cache/apt,sharing=locked', '--mount=type=cache,target=/var/lib/apt', '--mount=type=bind,from=builder,source=/wheels,target=/wheels',
  '--mount=type=secret,id=pip', '--mount="type=cache,target=/root/.cache/pip"', '--network=none', '--mount', '--mount=', '--frob=1',
);
const jsonArgs = fc.array(fc.constantFrom('"gunicorn"', '"python"', '"-m"', '"app"', '"$PORT"', '"--reload"', '"sh"', '"-c"', '"exec gunicorn app:app"', '"--worker-tmp-dir"', '"/dev/shm"', '"a\\"b"'), { maxLength: 6 })
  .map((w) => `[${w.join(', ')}]`);
const copyFlag = fc.constantFrom('--from=builder', '--from=0', '--from=python:3.12', '--chown=10001:10001', '--chmod=755', '--link', '--exclude=*.pyc', '--parents', '--frobnicate=1');
const keyword = (k: string) => fc.constantFrom(k, k.toLowerCase(), k[0] + k.slice(1).toLowerCase());

const instruction: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(keyword('FROM'), fc.constantFrom('', '--platform=$BUILDPLATFORM '), image, fc.constantFrom('', ' AS builder', ' as Base', ' AS final', ' AS')).map(([k, p, i, a]) => `${k} ${p}${i}${a}`),
  fc.tuple(keyword('RUN'), fc.array(mount, { maxLength: 2 }), shellLine).map(([k, m, s]) => `${k} ${[...m, s].join(' ')}`),
  fc.tuple(fc.constantFrom('RUN <<EOF', 'RUN <<-EOF', 'RUN bash <<EOF', 'RUN python3 <<EOF', 'RUN <<EOF bash', 'RUN cat <<EOF > /x'), fc.array(shellLine, { maxLength: 3 }), fc.constantFrom('EOF', '\tEOF', '')).map(([h, body, end]) => [h, ...body, end].join('\n')),
  fc.constantFrom('RUN <<EOF\n#!/usr/bin/env python3\nimport os\nEOF', 'ONBUILD RUN pip install x', 'ONBUILD ONBUILD RUN x', 'ONBUILD'),
  fc.tuple(fc.constantFrom('CMD', 'ENTRYPOINT', 'cmd'), fc.oneof(jsonArgs, shellLine)).map(([k, a]) => `${k} ${a}`),
  fc.tuple(keyword('COPY'), fc.array(copyFlag, { maxLength: 3 }), fc.constantFrom('. .', './ ./', 'requirements.txt .', '/usr/local/lib/python3.11/site-packages /usr/local/lib/python3.12/site-packages', '/venv /venv', '/wheels /wheels', 'a b c', '<<EOF /app/x.py\nprint(1)\nEOF')).map(([k, f, a]) => `${k} ${[...f, a].join(' ')}`),
  fc.tuple(fc.constantFrom('ADD', 'add'), fc.constantFrom('', '--keep-git-dir=true ', '--checksum=sha256:0 ', '--chown=1:1 '), fc.constantFrom('. /app', 'https://example.com/x.tar.gz /x', 'app.tar.gz /srv', 'https://github.com/o/r.git /src')).map(([k, f, a]) => `${k} ${f}${a}`),
  fc.constantFrom(
    'ENV PYTHONUNBUFFERED=1', 'ENV PYTHONUNBUFFERED 1', 'ENV PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1', 'ENV PYTHONPATH=/a:$PYTHONPATH',
    'ENV PATH=/venv/bin:$PATH', 'ENV UV_LINK_MODE=copy UV_COMPILE_BYTECODE=1', 'ENV PIP_TRUSTED_HOST=x', 'ENV PYTHONHTTPSVERIFY=0', 'ENV =', 'ENV',
    'ARG PY=3.12', 'ARG PY', 'ARG', 'USER root', 'USER 10001', 'USER app:app', 'USER $UID', 'USER', 'WORKDIR app', 'WORKDIR /app', 'WORKDIR',
    'EXPOSE 80:8000', 'EXPOSE 8000/tcp', 'MAINTAINER x', 'LABEL a=b', 'STOPSIGNAL SIGKILL', 'VOLUME /data', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'SHELL []', 'HEALTHCHECK CMD curl -f http://localhost/ || exit 1', 'HEALTHCHECK NONE', 'HEALTHCHECK --interval=5s', 'FROOB x', '\\', 'EOF',
  ),
  fc.constantFrom(
    '# shipshape ignore=pip-no-cache-dir', '# shipshape ignore=all -- reason', '# shipshape ignore-stage=root-final-user', '# shipshape ignore-file=python-unbuffered',
    '# hadolint ignore=DL3042,DL3008', '# hadolint global ignore=DL3002', '# check=skip=all', '# check=skip=JSONArgsRecommended', '# a comment', '#', '',
  ),
  fc.string({ maxLength: 40 }),
);
const directives = fc.array(fc.constantFrom('# syntax=docker/dockerfile:1', '# check=skip=all;error=true', '# escape=`', '# escape=\\'), { maxLength: 3 });
const dockerfile = fc.tuple(directives, fc.array(instruction, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean())
  .map(([dirs, lines, eol, bom, trailing]) => `${bom ? '\uFEFF' : ''}${[...dirs, ...lines].join('\n').replace(/\n/g, eol)}${trailing ? eol : ''}`);

/** Random edits of a fixture: insert, delete or replace short runs of characters, Dockerfile-ish ones included. */
const insertion = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\\\n', '\n', '\r\n', '"', "'", '[', ']', '$(', '${', '<<EOF\n', '&&', '#', '\u0000', '\uFFFD', '\uFEFF', '--mount=', ' AS x'));
const mutated = fc.tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), insertion), { minLength: 1, maxLength: 8 }))
  .map(([text, edits]) => edits.reduce((t, [at, del, ins]) => {
    const i = t.length ? at % (t.length + 1) : 0;
    return t.slice(0, i) + ins + t.slice(i + del);
  }, text));

const instructionCount = (text: string) => DockerfileParser.parse(text).getInstructions().length;

function property(text: string): void {
  const { findings, ruleErrors } = lintDetailed(text);
  expect(ruleErrors).toEqual([]);
  for (const f of findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(0 <= f.start && f.start <= f.end && f.end <= text.length, `${f.rule} ${f.start}-${f.end}`).toBe(true);
    for (const fix of [f.fix, ...(f.suggestions ?? [])]) {
      if (!fix) continue;
      for (const e of fix.edits) expect(0 <= e.start && e.start <= e.end && e.end <= text.length, `${f.rule} fix`).toBe(true);
    }
  }
  // Safe fixes apply cleanly, settle within ten passes and keep every instruction.
  let current = text;
  let settled = false;
  for (let pass = 0; pass < 10; pass++) {
    const before = instructionCount(current);
    const result = lintDetailed(current);
    expect(result.ruleErrors).toEqual([]);
    const next = applyFixes(current, result.findings);
    expect(typeof next.text).toBe('string');
    if (!next.applied.length || next.text === current) { settled = true; break; }
    expect(instructionCount(next.text), `fixes ${next.applied.map((f) => f.title).join('; ')}`).toBeGreaterThanOrEqual(before);
    current = next.text;
  }
  expect(settled).toBe(true);
  expect(() => lintDetailed(current)).not.toThrow();
}

describe('fuzzing lint()', () => {
  it('survives random Dockerfiles built from a grammar', () => {
    fc.assert(fc.property(dockerfile, property), { numRuns: RUNS, interruptAfterTimeLimit: LIMIT });
  }, LIMIT + 55_000);
  it('survives mutated fixture Dockerfiles', () => {
    fc.assert(fc.property(mutated, property), { numRuns: RUNS, interruptAfterTimeLimit: LIMIT });
  }, LIMIT + 55_000);
});

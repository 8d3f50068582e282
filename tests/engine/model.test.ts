import { DockerfileParser, type Argument, type Run } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { DockerfileModel, LineIndex } from '~/engine/model';
import type { LintOptions } from '~/engine/types';

const NOW = new Date('2026-11-23T00:00:00Z');

function modelOf(text: string, options: LintOptions = {}): DockerfileModel {
  return new DockerfileModel(DockerfileParser.parse(text), text, { now: NOW, ...options });
}

/** The n-th instruction (0-based) with the keyword. */
function nth(model: DockerfileModel, keyword: string, n = 0) {
  const found = model.instructions.filter((i) => i.getKeyword() === keyword)[n];
  if (!found) throw new Error(`no ${keyword} #${n}`);
  return found;
}

describe('stages', () => {
  const text = [
    'ARG PY=3.12',
    'FROM python:${PY}-slim AS Builder',
    'RUN pip wheel -w /wheels flask',
    'FROM builder AS test',
    'RUN pytest',
    'FROM python:${PY}-slim',
    'COPY --from=builder /wheels /wheels',
    '',
  ].join('\n');
  it('splits the file into stages with names, images and instructions', () => {
    const m = modelOf(text);
    expect(m.stages.map((s) => [s.index, s.name, s.imageText, s.instructions.map((i) => i.getKeyword())])).toEqual([
      [0, 'builder', 'python:3.12-slim', ['RUN']],
      [1, 'test', 'builder', ['RUN']],
      [2, null, 'python:3.12-slim', ['COPY']],
    ]);
    expect(m.stages[0]!.image?.python?.minorVersion).toBe('3.12');
    expect(m.stages[1]!.image).toBeNull();
    expect(m.stageOf(nth(m, 'RUN', 1))).toBe(m.stages[1]);
    expect(m.stageOf(nth(m, 'ARG'))).toBeNull();
    expect([...m.globalArgs]).toEqual([['PY', '3.12']]);
  });
  it('links a stage built FROM an earlier one, names compared without case', () => {
    const m = modelOf(text);
    expect(m.stages[1]!.parent).toBe(m.stages[0]);
    expect(m.stages[2]!.parent).toBeNull();
    expect(m.lineage(m.stages[1]!)).toEqual([m.stages[1], m.stages[0]]);
    expect(m.baseImage(m.stages[1]!)?.raw).toBe('python:3.12-slim');
    const upper = modelOf('FROM python:3.12 AS base\nFROM BASE AS final\n');
    expect(upper.stages[1]!.parent).toBe(upper.stages[0]);
  });
  it('does not take a later stage, or the stage itself, as the parent', () => {
    const m = modelOf('FROM app AS first\nFROM python:3.12 AS app\nFROM app AS app2\n');
    expect(m.stages[0]!.parent).toBeNull();
    expect(m.stages[0]!.image?.name).toBe('app');
    expect(m.stages[2]!.parent).toBe(m.stages[1]);
    const self = modelOf('FROM python:3.12 AS x\nFROM x AS x\n');
    expect(self.stages[1]!.parent).toBe(self.stages[0]);
  });
  it('picks the last stage as final, or the --target stage (any case)', () => {
    const m = modelOf(text);
    expect(m.finalStage).toBe(m.stages[2]);
    expect(m.stages.map((s) => s.isFinal)).toEqual([false, false, true]);
    const t = modelOf(text, { target: 'TEST' });
    expect(t.finalStage).toBe(t.stages[1]);
    expect(t.stages.map((s) => s.isFinal)).toEqual([false, true, false]);
    const unknown = modelOf(text, { target: 'nope' });
    expect(unknown.finalStage).toBe(unknown.stages[2]);
    expect(modelOf('# only a comment\n').finalStage).toBeNull();
  });
  it('reads FROM flags and lower-case instructions', () => {
    const m = modelOf('from --platform=$BUILDPLATFORM python:3.12-slim as build\nrun pip install x\n');
    expect(m.stages.map((s) => [s.name, s.imageText])).toEqual([['build', 'python:3.12-slim']]);
    expect(m.stages[0]!.instructions.map((i) => i.getKeyword())).toEqual(['RUN']);
  });
});

describe('global ARG substitution in FROM', () => {
  const image = (text: string) => modelOf(text).stages[0]!.imageText;
  it('expands $X, ${X}, ${X:-default}, ${X:+alt}', () => {
    expect(image('ARG PY=3.12\nFROM python:$PY\n')).toBe('python:3.12');
    expect(image('ARG PY=3.11\nFROM python:${PY}-slim\n')).toBe('python:3.11-slim');
    expect(image('ARG PY\nFROM python:${PY:-3.12}-slim\n')).toBe('python:3.12-slim');
    expect(image('ARG PY=3.13\nFROM python:${PY:-3.12}-slim\n')).toBe('python:3.13-slim');
    expect(image('ARG PY=\nFROM python:${PY:-3.12}\n')).toBe('python:3.12');
    expect(image('ARG SLIM=1\nFROM python:3.12${SLIM:+-slim}\n')).toBe('python:3.12-slim');
    expect(image('FROM python:3.12${SLIM:+-slim}\n')).toBe('python:3.12');
    // Declared with an empty default: expands to nothing. Declared without one: unknown.
    expect(image('ARG VARIANT=\nFROM python:3.12${VARIANT}\n')).toBe('python:3.12');
    expect(image('ARG VARIANT\nFROM python:3.12${VARIANT}\n')).toBe('python:3.12${VARIANT}');
  });
  it('declares one variable per word of a multi-name ARG, as BuildKit does (not the legacy ENV form)', () => {
    expect([...modelOf('ARG REGISTRY PY_TAG=3.12-slim\nFROM python:${PY_TAG}\n').globalArgs]).toEqual([['REGISTRY', null], ['PY_TAG', '3.12-slim']]);
    expect(image('ARG REGISTRY PY_TAG=3.12-slim\nFROM python:${PY_TAG}\n')).toBe('python:3.12-slim');
    expect([...modelOf('ARG A B=2 C\nFROM x\n').globalArgs]).toEqual([['A', null], ['B', '2'], ['C', null]]);
    expect([...modelOf('ARG A=1 B=2\nFROM x\n').globalArgs]).toEqual([['A', '1'], ['B', '2']]);
    expect([...modelOf('ARG V=3.10\nARG BASE=python:${V}-slim\nARG W=${W:-3.11}\nFROM x\n').globalArgs]).toEqual([['V', '3.10'], ['BASE', 'python:3.10-slim'], ['W', '3.11']]);
    const m = modelOf('ARG S=-slim-bookworm\nARG V=3.12.4\nFROM x\n');
    expect(m.substitute('${S#-}|${S##*-}|${S%-*}|${S%%-*}|${V%.*}|${S:+x${S#-}y}|${U#a}|${S/a/b}', m.globalArgs)).toBe('slim-bookworm|bookworm|-slim||3.12|xslim-bookwormy|${U#a}|${S/a/b}');
  });
  it('removes the quotes BuildKit removes (FROM "${BASE}")', () => {
    expect(image('ARG BASE=\'python:3.12-slim\'\nFROM "${BASE}"\n')).toBe('python:3.12-slim');
    expect(image('FROM "python:3.11" AS app\n')).toBe('python:3.11');
  });
  it('leaves unknown variables as written', () => {
    const m = modelOf('FROM python:${PY}-slim\n');
    expect(m.stages[0]!.imageText).toBe('python:${PY}-slim');
    expect(m.stages[0]!.image?.hasVariable).toBe(true);
  });
  it('uses the last global value and ignores ARGs inside stages', () => {
    expect(modelOf('ARG PY=3.11\nARG PY=3.12\nFROM python:$PY AS a\nARG PY=3.9\nFROM python:$PY\n').stages.map((s) => s.imageText))
      .toEqual(['python:3.12', 'python:3.12']);
  });
  it('substitute() is usable on any text', () => {
    const m = modelOf('FROM x\n');
    const vars = new Map<string, string | null>([['A', '1'], ['E', '']]);
    expect(m.substitute('$A-${A}-${B:-b}-${E:-e}-${E-x}-${A:+y}-$B', vars)).toBe('1-1-b-e--y-$B');
    expect(m.substitute('[$E][${E}]', vars)).toBe('[][]');
  });
});

describe('ENV and USER', () => {
  const text = [
    'FROM python:3.12-slim AS base',
    'ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1',
    'USER app',
    'FROM base AS final',
    'RUN pip install x',
    'ENV PYTHONUNBUFFERED=0',
    'ENV LEGACY value with spaces',
    'RUN pip install y',
    '',
  ].join('\n');
  it('inherits ENV from parent stages, inherited entries first', () => {
    const m = modelOf(text);
    expect(m.env(m.stages[1]!).map((e) => [e.name, e.value, e.stage.index])).toEqual([
      ['PYTHONUNBUFFERED', '1', 0], ['PIP_NO_CACHE_DIR', '1', 0], ['PYTHONUNBUFFERED', '0', 1], ['LEGACY', 'value with spaces', 1],
    ]);
    expect(m.env(m.stages[0]!)).toHaveLength(2);
  });
  it('envValue: last one wins, or as seen before an instruction', () => {
    const m = modelOf(text);
    const final = m.stages[1]!;
    expect(m.envValue(final, 'PYTHONUNBUFFERED')?.value).toBe('0');
    expect(m.envValue(final, 'PYTHONUNBUFFERED', nth(m, 'RUN', 0))?.value).toBe('1');
    expect(m.envValue(final, 'PYTHONUNBUFFERED', nth(m, 'RUN', 1))?.value).toBe('0');
    expect(m.envValue(final, 'LEGACY', nth(m, 'RUN', 0))).toBeNull();
    expect(m.envValue(final, 'PIP_NO_CACHE_DIR', nth(m, 'RUN', 0))?.stage).toBe(m.stages[0]);
    expect(m.envValue(final, 'NOPE')).toBeNull();
    // The ENV instruction itself is not before itself.
    expect(m.envValue(final, 'PYTHONUNBUFFERED', nth(m, 'ENV', 1))?.value).toBe('1');
  });
  it('envValue with many entries of one name', () => {
    const many = `FROM python:3.12\n${Array.from({ length: 50 }, (_, i) => `ENV A=${i}\nRUN echo ${i}`).join('\n')}\n`;
    const m = modelOf(many);
    const s = m.stages[0]!;
    for (const i of [0, 1, 17, 49]) expect(m.envValue(s, 'A', nth(m, 'RUN', i))?.value).toBe(String(i));
    expect(m.envValue(s, 'A', nth(m, 'ENV', 0))).toBeNull();
  });
  it('user(): the last USER of the stage or its parents, variables resolved', () => {
    const m = modelOf(text);
    expect(m.user(m.stages[1]!)?.value).toBe('app');
    expect(m.user(m.stages[1]!)?.instruction).toBe(nth(m, 'USER'));
    expect(modelOf('FROM python:3.12\nRUN x\n').user(modelOf('FROM python:3.12\n').stages[0]!)).toBeNull();
    const v = modelOf('FROM python:3.12\nARG UID=10001\nENV APP_USER=app\nUSER ${APP_USER}:${UID}\n');
    expect(v.user(v.stages[0]!)?.value).toBe('app:10001');
    const later = modelOf('FROM python:3.12 AS a\nUSER 1000\nFROM a\nUSER root\n');
    expect(later.user(later.stages[1]!)?.value).toBe('root');
  });
  it('resolveInStage uses ARG and ENV before the instruction, including a redeclared global ARG, expanding defaults where they are declared', () => {
    const m = modelOf('ARG HOME_DIR=/srv\nFROM python:3.12\nARG HOME_DIR\nENV VENV=$HOME_DIR/venv\nRUN echo $VENV\nENV VENV=/other\n');
    const s = m.stages[0]!;
    expect(m.resolveInStage('$VENV/bin', s, nth(m, 'RUN'))).toBe('/srv/venv/bin');
    const nested = modelOf('FROM python:3.12\nARG USER=app\nARG HOME=/home/$USER\nENV UNSET_BASE=$NOWHERE/x\nRUN echo\n');
    expect(nested.resolveInStage('$HOME/.cache/pip', nested.stages[0]!, nth(nested, 'RUN'))).toBe('/home/app/.cache/pip');
    expect(nested.resolveInStage('$UNSET_BASE', nested.stages[0]!, nth(nested, 'RUN'))).toBe('$NOWHERE/x');
    expect(m.resolveInStage('${HOME_DIR}/x', s, nth(m, 'RUN'))).toBe('/srv/x');
    expect(m.resolveInStage('plain', s, nth(m, 'RUN'))).toBe('plain');
  });
  it('a RUN program named by a variable gets the name of the program the ARG or ENV gives it, when that is one word', () => {
    const m = modelOf('FROM python:3.12\nARG PYTHON=python3\nENV PIP=/opt/venv/bin/pip\nARG TWO="python3 -u"\nARG NONE\nRUN ${PYTHON} -m pip install x && $PIP install y && $TWO z.py && $NONE w\nCMD $PYTHON app.py\n');
    expect(m.commands(nth(m, 'RUN')).map((c) => c.name)).toEqual(['python3', 'pip', '$TWO', '$NONE']);
    // ARGs are not in the container's environment: a CMD keeps the name as written.
    expect(m.commands(nth(m, 'CMD')).map((c) => c.name)).toEqual(['$PYTHON']);
  });
});

describe('isPythonStage', () => {
  const py = (text: string, stage = 0) => {
    const m = modelOf(text);
    return m.isPythonStage(m.stages[stage]!);
  };
  it('is true for Python base images', () => {
    expect(py('FROM python:3.12-slim\n')).toBe(true);
    expect(py('FROM docker.io/library/python:3.12\n')).toBe(true);
    expect(py('FROM pypy:3.10\n')).toBe(true);
    expect(py('FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\n')).toBe(true);
  });
  it('is true when a stage runs Python tools', () => {
    for (const run of ['pip install flask', 'pip3.12 install x', 'python3 -m venv /venv', 'uv sync --locked', 'poetry install', 'pdm install',
      'pipenv install --deploy', '/venv/bin/gunicorn --check-config app:app', 'env PIP_NO_CACHE_DIR=1 pip install x', 'sh -c "uvicorn app:app"']) {
      expect(py(`FROM debian:bookworm-slim\nRUN ${run}\n`), run).toBe(true);
    }
    expect(py('FROM debian:bookworm-slim\nCMD ["gunicorn", "app:app"]\n')).toBe(true);
    expect(py('FROM debian:bookworm-slim\nENTRYPOINT ["python3", "-m", "app"]\n')).toBe(true);
  });
  it('is true when a stage installs an interpreter with the system package manager', () => {
    expect(py('FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-venv\n')).toBe(true);
    expect(py('FROM ubuntu:22.04\nRUN apt-get install -y python3.11-venv\n')).toBe(true);
    expect(py('FROM alpine:3.20\nRUN apk add --no-cache python3\n')).toBe(true);
    expect(py('FROM fedora:41\nRUN dnf -y install tox python38 python310 && dnf clean all\n')).toBe(true);
    expect(py('FROM rockylinux:9\nRUN dnf -y install python3.11-devel\n')).toBe(true);
    expect(py('FROM alpine:3.20\nRUN apk add --no-cache py3-pip\n')).toBe(true);
    expect(py('FROM fedora:41\nRUN dnf -y install pythonic-tool\n')).toBe(false);
  });
  it('is inherited from parent stages', () => {
    expect(py('FROM python:3.12-slim AS base\nFROM base AS final\n', 1)).toBe(true);
    expect(py('FROM debian:bookworm AS base\nRUN apt-get install -y python3\nFROM base\n', 1)).toBe(true);
  });
  it('is false for other stages', () => {
    expect(py('FROM node:22-slim\nRUN npm ci\nCMD ["node", "server.js"]\n')).toBe(false);
    expect(py('FROM debian:bookworm-slim\nRUN echo "pip install x" && apt-get install -y python3-doc-x\n')).toBe(false);
    expect(py('FROM scratch\nCOPY app /app\n')).toBe(false);
    expect(py('FROM python:3.12 AS build\nFROM nginx:1.27\nCOPY --from=build /out /usr/share/nginx/html\n', 1)).toBe(false);
  });
});

describe('commands and mounts are computed once', () => {
  it('returns the same arrays on every call', () => {
    const m = modelOf('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\n');
    const run = nth(m, 'RUN');
    expect(m.commands(run)).toBe(m.commands(run));
    expect(m.mounts(run as never)).toBe(m.mounts(run as never));
  });
  it('returns no commands for an instruction without arguments', () => {
    const m = modelOf('FROM python:3.12\nRUN\nCMD []\n');
    expect(m.commands(nth(m, 'RUN'))).toEqual([]);
    expect(m.commands(nth(m, 'CMD'))).toEqual([]);
  });
});

describe('memoised instructions', () => {
  const text = 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip --network=none pip install flask\n';
  const run = () => nth(modelOf(text), 'RUN');
  const values = (args: Array<{ getValue(): string }>) => args.map((a) => a.getValue());

  it('remembers getter results: the same array on every call', () => {
    const r = run() as Run;
    expect(r.getArguments()).toBe(r.getArguments());
    expect(r.getFlags()).toBe(r.getFlags());
  });

  it('keeps getRawArguments() whole whatever was asked first (dockerfile-ast shifts flags off it)', () => {
    for (const first of ['getArguments', 'getFlags', 'getRawArguments'] as const) {
      const r = run() as Run;
      (r as unknown as Record<typeof first, () => unknown>)[first]();
      expect(values(r.getArguments()), first).toEqual(['pip', 'install', 'flask']);
      expect(r.getFlags().map((f) => f.getName()), first).toEqual(['mount', 'network']);
      // getRawArguments() is private in dockerfile-ast's types, and public at run time.
      expect(values((r as unknown as { getRawArguments(): Argument[] }).getRawArguments()), first).toEqual(['--mount=type=cache,target=/root/.cache/pip', '--network=none', 'pip', 'install', 'flask']);
      expect(values(r.getArguments()), first).toEqual(['pip', 'install', 'flask']);
    }
  });

  it('keeps getImageRange() whole after getImageName() (dockerfile-ast moves that range in place)', () => {
    const from = nth(modelOf('FROM docker.io/library/python:3.12-slim@sha256:abc AS base\n'), 'FROM') as unknown as {
      getImageName(): string; getImageRange(): { start: { character: number }; end: { character: number } };
    };
    expect(from.getImageName()).toBe('library/python');
    const range = from.getImageRange();
    expect([range.start.character, range.end.character]).toEqual([5, 50]);
    range.end.character = 0;
    expect(from.getImageRange().end.character).toBe(50);
  });

  it('leaves instructions of a parse made elsewhere as dockerfile-ast made them', () => {
    const own = DockerfileParser.parse(text).getInstructions()[1]!;
    run();
    expect(own.getArguments()).not.toBe(own.getArguments());
    expect(Object.getOwnPropertySymbols(own)).toEqual([]);
  });
});

describe('LineIndex and offsets', () => {
  it('maps offsets and positions with \\n, \\r\\n and lone \\r', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const li = new LineIndex(text);
    expect(li.starts).toEqual([0, 3, 7, 10]);
    expect(li.position(0)).toEqual({ line: 1, column: 1 });
    expect(li.position(4)).toEqual({ line: 2, column: 2 });
    expect(li.position(7)).toEqual({ line: 3, column: 1 });
    expect(li.position(11)).toEqual({ line: 4, column: 2 });
    expect(li.position(text.length)).toEqual({ line: 4, column: 3 });
    expect(li.offset(1, 1)).toBe(4);
    expect(li.offset(99, 0)).toBe(10);
    expect(li.offset(0, 999)).toBe(text.length);
    expect(li.lineEnd(4)).toBe(7);
    expect(li.lineEnd(11)).toBe(text.length);
  });
  it('model.offsets converts dockerfile-ast ranges', () => {
    const text = 'FROM python:3.12\r\nRUN pip install x\r\n';
    const m = modelOf(text);
    const { start, end } = m.offsets(nth(m, 'RUN').getRange());
    expect(text.slice(start, end)).toBe('RUN pip install x');
  });
});

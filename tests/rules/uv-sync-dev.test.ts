import { expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/uv-sync-dev';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN uv sync --locked --no-dev\n',
    { name: '--no-dev before the subcommand options', code: 'FROM python:3.12-slim\nRUN uv sync --no-dev --frozen --no-install-project\n' },
    { name: 'ENV UV_NO_DEV', code: 'FROM python:3.12-slim\nENV UV_NO_DEV=1\nRUN uv sync --locked\n' },
    { name: 'UV_NO_DEV in front of the command', code: 'FROM python:3.12-slim\nRUN UV_NO_DEV=true uv sync --locked\n' },
    { name: 'ENV UV_NO_DEFAULT_GROUPS', code: 'FROM python:3.12-slim\nENV UV_NO_DEFAULT_GROUPS=1\nRUN uv sync --locked\n' },
    { name: '--no-default-groups', code: 'FROM python:3.12-slim\nRUN uv sync --locked --no-default-groups\n' },
    { name: '--no-group dev', code: 'FROM python:3.12-slim\nRUN uv sync --locked --no-group dev\n' },
    { name: '--all-groups --no-group dev', code: 'FROM python:3.12-slim\nRUN uv sync --locked --all-groups --no-group=dev\n' },
    { name: '--only-group of a runtime group', code: 'FROM python:3.12-slim\nRUN uv sync --locked --only-group prod\n' },
    { name: 'uv pip sync is not a project sync', code: 'FROM python:3.12-slim\nRUN uv pip sync --system requirements.txt\n' },
    { name: 'uv pip install', code: 'FROM python:3.12-slim\nRUN uv pip install --system -r requirements.txt\n' },
    { name: 'a test stage that the final stage does not copy from', code: df`
      FROM python:3.12-slim AS test
      RUN uv sync --locked
      RUN uv run pytest
      FROM python:3.12-slim
      COPY . /app` },
    { name: 'the builder\'s wheel is copied, not its environment', code: df`
      FROM python:3.12-slim AS build
      WORKDIR /src
      RUN uv sync --locked && uv build
      FROM python:3.12-slim
      COPY --from=build /src/dist/*.whl /tmp/` },
    { name: 'the project environment lives outside the copied directory', code: df`
      FROM python:3.12-slim AS build
      ENV UV_PROJECT_ENVIRONMENT=/opt/env
      WORKDIR /app
      RUN uv sync --locked
      FROM python:3.12-slim
      COPY --from=build /app /app` },
    { name: 'the last stage is a development image', code: df`
      FROM python:3.12-slim AS base
      RUN uv sync --locked --no-dev
      FROM base AS dev
      RUN uv sync --locked` },
    { name: 'options through an ARG that leaves dev out', code: 'FROM python:3.12-slim\nARG SYNC_ARGS="--locked --no-dev"\nRUN uv sync $SYNC_ARGS\n' },
    { name: 'options through an ARG of unknown value', code: 'FROM python:3.12-slim\nARG SYNC_ARGS\nRUN uv sync $SYNC_ARGS\n' },
    { name: 'the development group as a build-time choice', code: 'FROM python:3.12-slim\nARG DEV=0\nRUN if [ "$DEV" = 1 ]; then uv sync --locked; else uv sync --locked --no-dev; fi\n' },
    { name: 'a later exact sync into the same environment decides what stays (deps first, then the project)', code: df`
      FROM python:3.12-slim AS builder
      WORKDIR /app
      RUN uv sync --frozen --no-install-project
      COPY . /app
      RUN uv sync --frozen --no-dev
      FROM python:3.12-slim
      COPY --from=builder /app/.venv /app/.venv` },
    { name: 'a later sync in the same RUN', code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync --locked --no-install-project && uv sync --locked --no-dev\n' },
    { name: 'a later sync with options of unknown value (datacube-explorer: uv sync --frozen $EXTRAS)', code: df`
      FROM python:3.12-slim AS builder
      ENV UV_PROJECT_ENVIRONMENT=/app
      WORKDIR /build
      RUN uv sync --frozen --extra=deployment --no-install-project
      RUN EXTRAS=$(echo "--no-dev") && uv sync --frozen $EXTRAS --no-editable
      FROM python:3.12-slim
      COPY --from=builder /app /app` },
    { name: 'uv run --no-sync at start', code: 'FROM python:3.12-slim\nRUN uv sync --locked --no-dev\nCMD ["uv", "run", "--no-sync", "uvicorn", "app:app"]\n' },
    { name: 'uv run --no-dev at start', code: 'FROM python:3.12-slim\nRUN uv sync --locked --no-dev\nCMD uv run --frozen --no-dev gunicorn app:app\n' },
    { name: 'ENV UV_NO_SYNC', code: 'FROM python:3.12-slim\nENV UV_NO_SYNC=1\nRUN uv sync --locked --no-dev\nENTRYPOINT ["uv", "run", "python", "-m", "app"]\n' },
    { name: 'ENV UV_NO_DEV covers uv run', code: 'FROM python:3.12-slim\nENV UV_NO_DEV=1\nRUN uv sync --locked\nCMD ["uv", "run", "app"]\n' },
    { name: 'uv run in a development image', code: 'FROM python:3.12-slim AS dev\nCMD ["uv", "run", "pytest"]\n' },
    { name: 'uv run --no-sync in a RUN', code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync --locked --no-dev && uv run --no-sync manage.py collectstatic --noinput\n' },
    { name: 'uv run in a RUN with ENV UV_NO_DEV', code: 'FROM python:3.12-slim\nENV UV_NO_DEV=1\nWORKDIR /app\nRUN uv sync --locked\nRUN uv run manage.py collectstatic --noinput\n' },
    { name: 'uv run before a later exact sync', code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN uv run --frozen python -c "import app"\nRUN uv sync --frozen --no-dev\n' },
    { name: 'uv run pytest in a test stage the final stage does not copy', code: 'FROM python:3.12-slim AS test\nWORKDIR /app\nRUN uv run pytest\nFROM python:3.12-slim\nCOPY . /app\n' },
    { name: 'a CMD of an earlier stage is not the one that runs', code: 'FROM python:3.12-slim AS build\nCMD ["uv", "run", "app"]\nFROM python:3.12-slim\nCMD ["python", "-m", "app"]\n' },
  ],
  invalid: [
    {
      name: 'uv run at container start syncs the dev group (polar: uv sync --no-dev at build, CMD uv run uvicorn)',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync --frozen --no-dev --no-cache\nCMD ["uv", "run", "uvicorn", "app:app"]\n',
      errors: [{ messageId: 'runSyncs', line: 4, column: 6, endColumn: 17 }],
    },
    {
      name: 'uv run in a RUN after uv sync --no-dev (manage.py collectstatic) installs dev into the image',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync --locked --no-dev\nRUN uv run --frozen manage.py collectstatic --noinput\n',
      errors: [{ messageId: 'runInImage', line: 4, column: 5, endColumn: 11 }],
    },
    {
      name: 'uv run in a builder whose .venv is copied',
      code: 'FROM python:3.12-slim AS build\nWORKDIR /app\nRUN uv sync --locked --no-dev\nRUN uv run python -m compileall src\nFROM python:3.12-slim\nCOPY --from=build /app/.venv /app/.venv\n',
      errors: [{ messageId: 'runCopied', line: 4, column: 5, endColumn: 11, message: /\(line 6\)/ }],
    },
    { name: 'uv run after global options, shell form', code: 'FROM python:3.12-slim\nRUN uv sync --locked --no-dev\nCMD uv --directory /app run --frozen python -m app\n', errors: [{ messageId: 'runSyncs', line: 3, column: 5, endColumn: 28 }] },
    {
      code: 'FROM python:3.12-slim\nRUN uv sync --locked\n',
      errors: [{ messageId: 'devInFinal', line: 2, column: 5, endColumn: 12 }],
      output: null,
      onbuild: true,
    },
    {
      name: 'astral-style cache mount, no --no-dev',
      code: 'FROM python:3.12-slim\nENV UV_LINK_MODE=copy\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.cache/uv \\\n    uv sync --frozen --no-install-project\n',
      errors: [{ messageId: 'devInFinal', line: 5, column: 5, endColumn: 12 }],
    },
    {
      name: 'builder whose .venv the final stage copies',
      code: df`
        FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder
        WORKDIR /app
        RUN uv sync --locked --no-install-project
        FROM python:3.12-slim-bookworm
        COPY --from=builder /app/.venv /app/.venv`,
      errors: [{ messageId: 'devCopied', line: 3, column: 5, endColumn: 12, message: /final stage copies this environment \(line 5\)/ }],
    },
    {
      name: 'builder whose whole project directory (with the in-project .venv) is copied',
      code: 'FROM python:3.12-slim AS build\nWORKDIR /app\nRUN uv sync --locked\nFROM python:3.12-slim\nCOPY --from=build /app /app\n',
      errors: [{ messageId: 'devCopied', line: 3 }],
    },
    {
      name: '--directory puts the .venv in the copied directory',
      code: 'FROM python:3.12-slim AS build\nRUN uv --directory /srv/app sync --locked\nFROM python:3.12-slim\nCOPY --from=build /srv/app /srv/app\n',
      errors: [{ messageId: 'devCopied', line: 2, column: 5, endColumn: 33 }],
    },
    {
      name: 'UV_PROJECT_ENVIRONMENT copied',
      code: 'FROM python:3.12-slim AS build\nENV UV_PROJECT_ENVIRONMENT=/opt/venv\nRUN uv sync --locked\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\n',
      errors: [{ messageId: 'devCopied', line: 3 }],
    },
    {
      name: '--all-groups: the finding points at the option',
      code: 'FROM python:3.12-slim\nRUN uv sync --locked --all-groups\n',
      errors: [{ messageId: 'askedInFinal', line: 2, column: 22, endColumn: 34, message: '`--all-groups` installs development dependencies in the image that ships: test and lint tools go to production. Remove it and add `--no-dev`.' }],
    },
    { name: '--group test', code: 'FROM python:3.12-slim\nRUN uv sync --locked --no-default-groups --group test\n', errors: [{ messageId: 'askedInFinal', column: 42, endColumn: 54, message: /^`--group test`/ }] },
    { name: '--only-dev', code: 'FROM python:3.12-slim\nRUN uv sync --only-dev\n', errors: [{ messageId: 'askedInFinal', column: 13, endColumn: 23 }] },
    { name: 'UV_NO_DEV does not cover an explicit --group dev', code: 'FROM python:3.12-slim\nENV UV_NO_DEV=1\nRUN uv sync --group=dev\n', errors: [{ messageId: 'askedInFinal', column: 13, endColumn: 24 }] },
    { name: 'parent of the final stage', code: 'FROM python:3.12-slim AS base\nRUN uv sync --locked\nFROM base\nCMD ["python", "-m", "app"]\n', errors: [{ line: 2 }] },
    { name: 'exec form', code: 'FROM python:3.12-slim\nRUN ["uv", "sync", "--locked"]\n', errors: [{ column: 6, endColumn: 18 }] },
    { name: 'heredoc', code: 'FROM python:3.12-slim\nRUN <<EOF\nuv sync --locked\nEOF\n', errors: [{ line: 3, column: 1, endColumn: 8 }] },
    { name: 'options through an ARG that keeps dev', code: 'FROM python:3.12-slim\nARG SYNC_ARGS="--all-groups"\nRUN uv sync --locked $SYNC_ARGS\n', errors: [{ messageId: 'askedInFinal', line: 3, column: 5, endColumn: 12 }] },
    { name: '--no-group of another group still installs dev', code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync --locked --no-group lint\n', errors: [{ messageId: 'devInFinal', line: 3, column: 5, endColumn: 12 }] },
    { name: 'a later --inexact sync keeps what the first one installed', code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync --locked --no-install-project\nRUN uv sync --locked --no-dev --inexact\n', errors: [{ messageId: 'devInFinal', line: 3, column: 5, endColumn: 12 }] },
    { name: 'a later sync that keeps dev too: that one is reported', code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync --locked --no-install-project\nCOPY . .\nRUN uv sync --locked\n', errors: [{ messageId: 'devInFinal', line: 5, column: 5, endColumn: 12 }] },
    { name: 'a later sync of another project does not count', code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync --locked\nRUN uv sync --locked --no-dev --directory /tools\n', errors: [{ messageId: 'devInFinal', line: 3 }] },
    { name: 'an if with no alternative that leaves dev out', code: 'FROM python:3.12-slim\nRUN if [ -f uv.lock ]; then uv sync --locked; fi\n', errors: 1 },
  ],
});

it('adds --no-dev, which then leaves the development group out', () => {
  const text = 'FROM python:3.12-slim\nRUN uv sync --locked\n';
  const [f] = lintWith([rule], text).findings;
  const edit = f!.suggestions?.[0]?.edits[0];
  const fixed = text.slice(0, edit!.start) + edit!.text + text.slice(edit!.end);
  expect(fixed).toBe('FROM python:3.12-slim\nRUN uv sync --no-dev --locked\n');
  expect(lintWith([rule], fixed).findings).toEqual([]);
});

it('adds --no-dev to uv run in an exec-form CMD', () => {
  const text = 'FROM python:3.12-slim\nCMD ["uv", "run", "uvicorn", "app:app"]\n';
  const [f] = lintWith([rule], text).findings;
  const edit = f!.suggestions?.[0]?.edits[0];
  const fixed = text.slice(0, edit!.start) + edit!.text + text.slice(edit!.end);
  expect(fixed).toBe('FROM python:3.12-slim\nCMD ["uv", "run", "--no-dev", "uvicorn", "app:app"]\n');
  expect(lintWith([rule], fixed).findings).toEqual([]);
});

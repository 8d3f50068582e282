import { expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/poetry-install-dev';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    { name: 'dev groups as a build-time choice (if … then poetry install; else poetry install --only main; fi)', code: 'FROM python:3.12-slim\nARG INSTALL_DEV=false\nRUN bash -c "if [ $INSTALL_DEV == \'true\' ] ; then poetry install --no-root ; else poetry install --no-root --only main ; fi"\n' },
    'FROM python:3.12-slim\nRUN poetry install --only main --no-root\n',
    { name: '--only=main', code: 'FROM python:3.12-slim\nRUN poetry install --only=main\n' },
    { name: '--without dev', code: 'FROM python:3.12-slim\nRUN poetry install --without dev,test --no-interaction\n' },
    { name: '--without=dev', code: 'FROM python:3.12-slim\nRUN poetry install --without=dev\n' },
    { name: 'Poetry 1.1 --no-dev', code: 'FROM python:3.12-slim\nRUN poetry install --no-dev\n' },
    { name: '--only-root', code: 'FROM python:3.12-slim\nRUN poetry install --only-root\n' },
    { name: 'poetry sync --only main', code: 'FROM python:3.12-slim\nRUN poetry sync --only main\n' },
    { name: 'other poetry commands', code: 'FROM python:3.12-slim\nRUN poetry config virtualenvs.create false && poetry export -f requirements.txt -o requirements.txt\n' },
    { name: 'pipx install poetry', code: 'FROM python:3.12-slim\nRUN pipx install poetry\n' },
    { name: 'test stage that the final stage does not copy from', code: df`
      FROM python:3.12 AS test
      RUN poetry install
      RUN pytest
      FROM python:3.12-slim
      COPY . /app` },
    { name: 'builder whose wheel, not environment, is copied', code: df`
      FROM python:3.12 AS build
      RUN poetry install && poetry build
      FROM python:3.12-slim
      COPY --from=build /dist/*.whl /tmp/` },
    { name: 'the build target is a test stage earlier in the file', code: df`
      FROM python:3.12-slim AS app
      RUN poetry install --only main
      FROM app AS test
      RUN poetry install --with dev`, options: { target: 'app' } },
    { name: '--without test,lint (no group named dev)', code: 'FROM python:3.12-slim\nRUN poetry install --without test,lint --no-root\n' },
    { name: 'the last stage is the development image', code: df`
      FROM python:3.12-slim AS base
      RUN pip install poetry
      FROM base AS prod
      RUN poetry install --only main
      FROM base AS dev
      RUN poetry install` },
    { name: 'project directory copied, virtualenv outside it', code: 'FROM python:3.12-slim AS build\nWORKDIR /app\nRUN poetry install --no-root\nFROM python:3.12-slim\nCOPY --from=build /app /app\n' },
    { name: 'options from an argument of unknown value', code: 'FROM python:3.12-slim\nARG POETRY_ARGS\nRUN poetry install $POETRY_ARGS\n' },
    { name: 'options from an argument that leaves dev out', code: 'FROM python:3.12-slim\nARG POETRY_ARGS="--only main"\nRUN poetry install $POETRY_ARGS\n' },
  ],
  invalid: [
    {
      name: 'a poetry install guarded by if with no alternative that leaves dev out',
      code: 'FROM python:3.12-slim\nRUN if [ -f poetry.lock ]; then poetry install --no-root; fi\n',
      errors: [{ messageId: 'devInFinal', line: 2, column: 33, endColumn: 47 }],
      output: null,
    },
    {
      name: 'poetry install --only main followed by a plain poetry install outside any if still installs dev',
      code: 'FROM python:3.12-slim\nRUN poetry install --only main && if [ -n "$CI" ]; then echo ci; fi && poetry install\n',
      errors: [{ messageId: 'devInFinal', line: 2, column: 72, endColumn: 86 }],
      output: null,
    },
    {
      code: 'FROM python:3.12-slim\nRUN pip install poetry && poetry config virtualenvs.create false && poetry install --no-root\n',
      errors: [{ messageId: 'devInFinal', line: 2, column: 69, endColumn: 83 }],
      output: null,
    },
    {
      name: '--with dev asks for the development group: the finding points at the option',
      code: 'FROM python:3.12-slim\nRUN poetry install --with dev --no-root && rm -rf $POETRY_CACHE_DIR;\n',
      errors: [{ messageId: 'withDevInFinal', line: 2, column: 20, endColumn: 30, message: '`--with dev` installs the development dependencies in the image that ships: test and lint tools go to production. Remove it and install the main group only (`--only main`).' }],
    },
    {
      name: '--with=dev,test in a builder whose .venv the final stage copies',
      code: 'FROM python:3.10-bullseye AS builder\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nWORKDIR /app\nRUN poetry install --with=dev,test --no-root\nFROM python:3.10-slim-bullseye AS runtime\nCOPY --from=builder /app/.venv /app/.venv\n',
      errors: [{ messageId: 'withDevCopied', line: 4, column: 20, endColumn: 35, message: /^`--with dev,test` installs the development dependencies, and the final stage copies this environment \(line 6\)/ }],
    },
    { name: '--with docs is not a development group: the plain message', code: 'FROM python:3.12-slim\nRUN poetry install --with docs\n', errors: [{ messageId: 'devInFinal', line: 2, column: 5, endColumn: 19 }] },
    { name: '--without another group', code: 'FROM python:3.12-slim\nRUN poetry install --without docs\n', errors: 1 },
    { name: '--only dev', code: 'FROM python:3.12-slim\nRUN poetry install --only dev\n', errors: 1 },
    { name: 'poetry sync with a global option', code: 'FROM python:3.12-slim\nRUN poetry -C /app sync\n', errors: [{ line: 2, column: 5, endColumn: 24, message: /`poetry sync`/ }] },
    { name: 'exec form', code: 'FROM python:3.12-slim\nRUN ["poetry", "install", "--no-root"]\n', errors: [{ column: 6, endColumn: 25 }] },
    { name: 'parent of the final stage', code: 'FROM python:3.12-slim AS base\nRUN poetry install\nFROM base\nCMD ["python", "-m", "app"]\n', errors: [{ line: 2 }] },
    {
      name: 'builder environment copied into the final stage',
      code: df`
        FROM python:3.12 AS builder
        ENV POETRY_VIRTUALENVS_IN_PROJECT=1
        WORKDIR /app
        RUN poetry install --no-root
        FROM python:3.12-slim
        COPY --from=builder /app/.venv /app/.venv`,
      errors: [{ messageId: 'devCopied', line: 4, column: 5, endColumn: 19, message: /line 6/ }],
    },
    { name: 'site-packages copied', code: 'FROM python:3.12 AS b\nRUN poetry config virtualenvs.create false && poetry install\nFROM python:3.12-slim\nCOPY --from=b /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n', errors: [{ messageId: 'devCopied' }] },
    { name: 'sh -c, lower case', code: "FROM python:3.12-slim\nrun sh -c 'poetry install'\n", errors: 1, onbuild: true },
    { name: 'heredoc', code: 'FROM python:3.12-slim\nRUN <<EOF\npoetry install --no-interaction\nEOF\n', errors: [{ line: 3, column: 1, endColumn: 15 }] },
    { name: '--without docs only', code: 'FROM python:3.12-slim\nRUN poetry install --without=docs\n', errors: 1 },
    { name: 'in-project virtualenv shipped with the project directory', code: 'FROM python:3.12-slim AS build\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nWORKDIR /app\nRUN poetry install --no-root\nFROM python:3.12-slim\nCOPY --from=build /app /app\n', errors: [{ messageId: 'devCopied', line: 4, column: 5, endColumn: 19 }] },
    { name: 'in-project set with poetry config, parent directory copied', code: 'FROM python:3.12-slim AS build\nWORKDIR /srv/app\nRUN poetry config virtualenvs.in-project true && poetry install\nFROM python:3.12-slim\nCOPY --from=build /srv/ /srv/\n', errors: [{ messageId: 'devCopied', line: 3, column: 50, endColumn: 64 }] },
    { name: 'options from an argument that keeps dev', code: 'FROM python:3.12-slim\nARG POETRY_ARGS="--with dev"\nRUN poetry install $POETRY_ARGS\n', errors: [{ messageId: 'devInFinal', line: 3, column: 5, endColumn: 19 }] },
  ],
});

it('replaces --with dev with --only main, which then leaves the development groups out', () => {
  const text = 'FROM python:3.12-slim\nRUN poetry install --with dev --no-root\n';
  const [f] = lintWith([rule], text).findings;
  const edit = f!.suggestions?.[0]?.edits[0];
  const fixed = text.slice(0, edit!.start) + edit!.text + text.slice(edit!.end);
  expect(fixed).toBe('FROM python:3.12-slim\nRUN poetry install --only main --no-root\n');
  expect(lintWith([rule], fixed).findings).toEqual([]);
});

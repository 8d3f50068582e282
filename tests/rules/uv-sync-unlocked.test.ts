import rule from '~/rules/uv-sync-unlocked';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN uv sync --locked --no-dev\n',
    'FROM python:3.12-slim\nRUN uv sync --frozen\n',
    { name: 'env', code: 'FROM python:3.12-slim\nENV UV_LOCKED=1\nRUN uv sync\n' },
    { name: 'uv pip sync has its own lock input', code: 'FROM python:3.12-slim\nRUN uv pip sync requirements.txt\n' },
    { name: 'global flag before the subcommand', code: 'FROM python:3.12-slim\nRUN uv --frozen sync\n' },
    { name: 'ARG default', code: 'FROM python:3.12-slim\nARG UV_FROZEN=1\nRUN uv sync\n' },
    { name: 'global ARG redeclared in the stage', code: 'ARG UV_FROZEN=1\nFROM python:3.12-slim\nARG UV_FROZEN\nRUN uv sync\n' },
    { name: 'flags from an ARG default', code: 'FROM python:3.12-slim\nARG UV_SYNC_ARGS="--locked --no-dev"\nRUN uv sync $UV_SYNC_ARGS\n' },
    { name: 'flags from a build argument without a default', code: 'FROM python:3.12-slim\nARG UV_SYNC_ARGS\nRUN uv sync ${UV_SYNC_ARGS}\n' },
    { name: 'inline env', code: 'FROM python:3.12-slim\nRUN UV_LOCKED=true uv sync --no-dev\n' },
    { name: 'inherited ENV', code: 'FROM python:3.12-slim AS base\nENV UV_LOCKED=1\nFROM base\nRUN uv sync\n' },
    { name: 'exec form with --locked', code: 'FROM python:3.12-slim\nRUN ["uv", "sync", "--locked"]\n' },
    { name: 'uv pip install is not a project sync', code: 'FROM python:3.12-slim\nRUN uv pip install --system -r requirements.txt --no-cache\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN uv sync --no-dev\n', errors: [{ messageId: 'unlocked', line: 2, column: 5, endColumn: 12 }] },
    { name: 'a global option with a value before the subcommand', code: 'FROM python:3.12-slim\nRUN uv --directory /app sync\n', errors: [{ messageId: 'unlocked', line: 2, column: 5, endColumn: 29 }] },
    { code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv \\\n    uv sync --no-install-project\n', errors: [{ line: 3 }] },
    {
      name: 'exec form suggestion',
      code: 'FROM python:3.12-slim\nRUN ["uv", "sync", "--no-dev"]\n',
      errors: [{ line: 2, column: 6, endColumn: 18 }],
      output: null,
    },
    { name: 'global ARG not redeclared is out of scope', code: 'ARG UV_LOCKED=1\nFROM python:3.12-slim\nRUN uv sync\n', errors: 1 },
    { name: 'flags from an ARG without the lock flags', code: 'FROM python:3.12-slim\nARG UV_SYNC_ARGS="--no-dev --no-install-project"\nRUN uv sync $UV_SYNC_ARGS\n', errors: [{ messageId: 'unlocked', line: 3, column: 5, endColumn: 12 }] },
    { name: 'ARG declared after the RUN', code: 'FROM python:3.12-slim\nRUN uv sync\nARG UV_LOCKED=1\n', errors: 1 },
    { name: 'UV_LOCKED=0 is off', code: 'FROM python:3.12-slim\nENV UV_LOCKED=0\nRUN uv sync\n', errors: 1 },
    { name: 'both syncs of the two-step pattern', code: 'FROM python:3.12-slim\nRUN uv sync --no-install-project && uv sync\n', errors: [{ column: 5 }, { column: 37 }] },
    { name: 'sh -c, ONBUILD', code: "FROM python:3.12-slim\nRUN sh -c 'uv sync --no-dev'\n", errors: [{ line: 2, column: 12, endColumn: 19 }], onbuild: true },
  ],
});

import rule from '~/rules/uv-no-cache';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN uv pip install --system --no-cache flask\n',
    'FROM python:3.12-slim\nRUN uv sync --locked --no-cache\n',
    { name: 'cache mount', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n' },
    { name: 'UV_NO_CACHE env', code: 'FROM python:3.12-slim\nENV UV_NO_CACHE=1\nRUN uv sync --locked\n' },
    { name: 'inline UV_NO_CACHE', code: 'FROM python:3.12-slim\nRUN UV_NO_CACHE=1 uv pip install --system flask\n' },
    { name: 'UV_CACHE_DIR mounted', code: 'FROM python:3.12-slim\nENV UV_CACHE_DIR=/uvcache\nRUN --mount=type=cache,target=/uvcache uv sync --frozen\n' },
    { name: '--cache-dir mounted', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/c uv pip install --cache-dir /c --system flask\n' },
    { name: 'uv venv installs nothing', code: 'FROM python:3.12-slim\nRUN uv venv /opt/venv\n' },
    { name: 'uv pip list', code: 'FROM python:3.12-slim\nRUN uv pip list\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN uv pip install --system flask\n',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endColumn: 19, message: /`uv pip install`/ }],
      output: 'FROM python:3.12-slim\nRUN uv pip install --no-cache --system flask\n',
    },
    {
      code: 'FROM python:3.12-slim\nRUN uv sync --locked && uv run python -V\n',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endColumn: 12 }],
      output: 'FROM python:3.12-slim\nRUN uv sync --no-cache --locked && uv run python -V\n',
    },
    {
      name: 'pip cache mount does not cover uv',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip uv pip install --system -r req.txt\n',
      errors: 1,
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip uv pip install --no-cache --system -r req.txt\n',
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12-slim\nRUN ["uv", "sync", "--frozen"]\n',
      errors: 1,
      output: 'FROM python:3.12-slim\nRUN ["uv", "sync", "--no-cache", "--frozen"]\n',
    },
  ],
});

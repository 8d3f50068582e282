import rule from '~/rules/cache-mount-wasted';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
    { name: 'uv with its mount', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n' },
    { name: 'tmpfs mount is not a cache', code: 'FROM python:3.12-slim\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip install --no-cache-dir flask\n' },
    { name: 'mount on the apt cache only', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt pip install --no-cache-dir flask\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ messageId: 'wasted', line: 2, column: 60, endColumn: 74 }],
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    },
    {
      name: 'continuation',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    python -m pip install \\\n      --no-cache-dir flask\n',
      errors: [{ line: 4, column: 7, endColumn: 21 }],
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    python -m pip install \\\n      flask\n',
    },
    {
      name: 'uv --no-cache',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv pip install --no-cache --system flask\n',
      errors: 1,
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv pip install --system flask\n',
    },
    {
      name: 'inline PIP_NO_CACHE_DIR',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip PIP_NO_CACHE_DIR=1 pip install flask\n',
      errors: 1,
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
    },
  ],
});

import rule from '~/rules/uv-link-mode';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nENV UV_LINK_MODE=copy\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n',
    { name: 'no mount', code: 'FROM python:3.12-slim\nRUN uv sync --locked --no-cache\n' },
    { name: 'flag', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --link-mode=copy --locked\n' },
    { name: 'inline', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv UV_LINK_MODE=copy uv sync --locked\n' },
    { name: 'inherited', code: 'FROM python:3.12-slim AS base\nENV UV_LINK_MODE=copy\nFROM base\nRUN --mount=type=cache,target=/root/.cache/uv uv pip install --system flask\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n', errors: [{ messageId: 'linkMode', line: 2, column: 47, endColumn: 54 }] },
    { code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv \\\n    uv pip install --system -r requirements.txt\n', errors: [{ line: 3, column: 5, endColumn: 19 }] },
  ],
});

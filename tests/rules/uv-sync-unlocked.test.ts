import rule from '~/rules/uv-sync-unlocked';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN uv sync --locked --no-dev\n',
    'FROM python:3.12-slim\nRUN uv sync --frozen\n',
    { name: 'env', code: 'FROM python:3.12-slim\nENV UV_LOCKED=1\nRUN uv sync\n' },
    { name: 'uv pip sync has its own lock input', code: 'FROM python:3.12-slim\nRUN uv pip sync requirements.txt\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN uv sync --no-dev\n', errors: [{ messageId: 'unlocked', line: 2, column: 5, endColumn: 12 }] },
    { code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv \\\n    uv sync --no-install-project\n', errors: [{ line: 3 }] },
  ],
});

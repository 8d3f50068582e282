import rule from '~/rules/uv-link-mode';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nENV UV_LINK_MODE=copy\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n',
    { name: 'no mount', code: 'FROM python:3.12-slim\nRUN uv sync --locked --no-cache\n' },
    { name: 'flag', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --link-mode=copy --locked\n' },
    { name: 'inline', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv UV_LINK_MODE=copy uv sync --locked\n' },
    { name: 'inherited', code: 'FROM python:3.12-slim AS base\nENV UV_LINK_MODE=copy\nFROM base\nRUN --mount=type=cache,target=/root/.cache/uv uv pip install --system flask\n' },
    { name: 'ARG default', code: 'FROM python:3.12-slim\nARG UV_LINK_MODE=copy\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n' },
    { name: 'another mode chosen on purpose', code: 'FROM python:3.12-slim\nENV UV_LINK_MODE=symlink\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n' },
    { name: 'cache turned off: nothing to link', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-cache\n' },
    { name: 'mount on the pip cache only', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip uv pip install --system flask\n' },
    { name: 'tmpfs is not a cache mount', code: 'FROM python:3.12-slim\nRUN --mount=type=tmpfs,target=/root/.cache/uv uv sync --locked\n' },
    { name: 'a `~` target is not on uv\'s cache: uv hard-links from /root/.cache/uv in the layer', code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN --mount=type=cache,target=~/.cache/uv uv sync --locked\n' },
    { name: 'link-mode flag as two words', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv pip install --link-mode copy --system flask\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n', errors: [{ messageId: 'linkMode', line: 2, column: 47, endColumn: 54 }] },
    { code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv \\\n    uv pip install --system -r requirements.txt\n', errors: [{ line: 3, column: 5, endColumn: 19 }] },
    { name: 'mount on /root/.cache', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache uv sync --locked\n', errors: [{ line: 2, column: 44, endColumn: 51 }] },
    { name: 'mount on UV_CACHE_DIR', code: 'FROM python:3.12-slim\nENV UV_CACHE_DIR=/opt/uv-cache\nRUN --mount=type=cache,target=/opt/uv-cache uv sync --locked\n', errors: [{ line: 3 }] },
    { name: 'mount on --cache-dir', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/c uv pip install --cache-dir /c --system flask\n', errors: [{ line: 2, column: 34, endColumn: 48 }] },
    { name: 'heredoc and uv pip sync', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv <<EOF\nuv venv /opt/venv\nuv pip sync --python /opt/venv requirements.txt\nEOF\n', errors: [{ line: 4, column: 1, endColumn: 12 }] },
    { name: 'mount target given by UV_CACHE_DIR', code: 'FROM python:3.12-slim\nENV UV_CACHE_DIR=/opt/uv-cache\nRUN --mount=type=cache,target=$UV_CACHE_DIR uv sync --locked\n', errors: [{ line: 3, column: 45, endColumn: 52 }] },
    { name: 'behind a project runner', code: 'FROM continuumio/miniconda3:24.1.2-0\nRUN --mount=type=cache,target=/root/.cache/uv conda run -n app uv pip install -r requirements.txt\n', errors: [{ line: 2, column: 64, endColumn: 78 }] },
    { name: 'ONBUILD', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv tool install ruff\n', errors: 1, onbuild: true },
  ],
});

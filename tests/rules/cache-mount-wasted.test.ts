import rule from '~/rules/cache-mount-wasted';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
    { name: 'uv with its mount', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n' },
    { name: 'tmpfs mount is not a cache', code: 'FROM python:3.12-slim\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip install --no-cache-dir flask\n' },
    { name: 'mount on the apt cache only', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt pip install --no-cache-dir flask\n' },
    { name: 'pip mount, uv disables its own cache', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip uv pip install --no-cache --system flask\n' },
    { name: 'ENV off without a mount is the normal case', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'PIP_CACHE_DIR elsewhere: the mount is not pip\'s cache', code: 'FROM python:3.12-slim\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir flask\n' },
    { name: 'another pip of the RUN fills the mount', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir --upgrade pip==24.2 && pip install -r requirements.txt\n' },
    { name: 'another uv of the RUN fills the mount', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen && uv pip install --no-cache --system gunicorn\n' },
    { name: 'empty inline PIP_NO_CACHE_DIR', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip PIP_NO_CACHE_DIR= pip install flask\n' },
  ],
  invalid: [
    {
      name: 'a pip mount no pip of the RUN uses, beside a uv that uses its own',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip --mount=type=cache,target=/root/.cache/uv \\\n    uv pip install --system -r req.txt && pip install --no-cache-dir gunicorn==22.0.0\n',
      errors: [{ messageId: 'wasted', line: 3, column: 55, endColumn: 69 }],
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip --mount=type=cache,target=/root/.cache/uv \\\n    uv pip install --system -r req.txt && pip install gunicorn==22.0.0\n',
    },
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
    {
      name: 'pip global option before install',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip --no-cache-dir install flask\n',
      errors: [{ line: 2, column: 52, endColumn: 66 }],
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
    },
    {
      name: 'uv -n and a mount on /root/.cache',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache uv pip install -n --system flask\n',
      errors: [{ line: 2, column: 59, endColumn: 61, message: /`-n`/ }],
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache uv pip install --system flask\n',
    },
    {
      name: 'flag glued to a here-document marker keeps no fix (removing it would open a heredoc)',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir<<EOF\nRUN echo next\n',
      errors: [{ messageId: 'wasted', line: 2, column: 60, endColumn: 74 }],
      output: null,
    },
    {
      name: 'uv --no-cache-dir alias',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-cache-dir\n',
      errors: 1,
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked \n',
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip ["pip", "install", "--no-cache-dir", "flask"]\n',
      errors: [{ line: 2, column: 67, endColumn: 83 }],
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip ["pip", "install", "flask"]\n',
    },
    {
      name: 'mount on PIP_CACHE_DIR',
      code: 'FROM python:3.12-slim\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/pipcache pip install --no-cache-dir flask\n',
      errors: [{ line: 3, column: 53, endColumn: 67 }],
      output: 'FROM python:3.12-slim\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/pipcache pip install flask\n',
    },
    {
      name: 'PIP_NO_CACHE_DIR from ENV: no fix, range on the mount target',
      code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
      errors: [{ messageId: 'wastedByEnv', line: 3, column: 31, endColumn: 47, message: /line 2/ }],
      output: null,
    },
    {
      name: 'UV_NO_CACHE inherited from a parent stage',
      code: 'FROM python:3.12-slim AS base\nENV UV_NO_CACHE=1\nFROM base\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked && uv pip install --system gunicorn\n',
      errors: [{ messageId: 'wastedByEnv', line: 4, column: 31, endColumn: 46 }],
      output: null,
    },
    {
      name: 'UV_NO_CACHE as an ARG default',
      code: 'FROM python:3.12-slim\nARG UV_NO_CACHE=1\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n',
      errors: [{ messageId: 'wastedByEnv' }],
      output: null,
    },
    {
      name: 'sh -c inside the RUN',
      code: "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip sh -c 'pip install --no-cache-dir flask'\n",
      errors: 1,
      output: "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip sh -c 'pip install flask'\n",
      onbuild: true,
    },
  ],
});

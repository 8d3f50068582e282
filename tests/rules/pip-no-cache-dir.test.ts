import rule from '~/rules/pip-no-cache-dir';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
    'FROM python:3.12-slim\nRUN pip --no-cache-dir install flask\n',
    { name: 'cache mount', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
    { name: 'cache mount on a non-root home', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install flask\n' },
    { name: 'tmpfs mount', code: 'FROM python:3.12-slim\nRUN --mount=type=tmpfs,target=/root/.cache pip install flask\n' },
    { name: 'ENV PIP_NO_CACHE_DIR', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'inherited ENV', code: 'FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=off\nFROM base\nRUN pip install flask\n' },
    { name: 'inline env', code: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'pipenv is not pip', code: 'FROM python:3.12-slim\nRUN pipenv install --system\n' },
    { name: 'pipx is not pip', code: 'FROM python:3.12-slim\nRUN pipx install poetry\n' },
    { name: 'pip download keeps no cache of interest', code: 'FROM python:3.12-slim\nRUN pip download -d /w flask\n' },
    { name: 'mention inside echo', code: 'FROM python:3.12-slim\nRUN echo "pip install flask"\n' },
    { name: 'uv pip is uv-no-cache territory', code: 'FROM python:3.12-slim\nRUN uv pip install --system flask\n' },
    { name: 'PIP_CACHE_DIR mounted', code: 'FROM python:3.12-slim\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/cache/pip pip install flask\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN pip install flask\n',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endColumn: 16 }],
      output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
      onbuild: true,
    },
    {
      name: 'python -m pip after &&',
      code: 'FROM python:3.12-slim\nRUN python -m pip install -U pip && python3 -m pip install -r req.txt\n',
      errors: [{ line: 2, column: 5, endColumn: 26 }, { line: 2, column: 37, endColumn: 59 }],
      output: 'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir -U pip && python3 -m pip install --no-cache-dir -r req.txt\n',
    },
    {
      name: 'venv pip across a continuation',
      code: 'FROM python:3.12-slim\nRUN python -m venv /venv \\\n    && /venv/bin/pip install \\\n       flask\n',
      errors: [{ line: 3, column: 8, endLine: 3, endColumn: 29 }],
      output: 'FROM python:3.12-slim\nRUN python -m venv /venv \\\n    && /venv/bin/pip install --no-cache-dir \\\n       flask\n',
    },
    {
      name: 'sh -c',
      code: "FROM python:3.12-slim\nRUN sh -c 'pip3.12 install flask'\n",
      errors: [{ line: 2, column: 12, endColumn: 27 }],
      output: "FROM python:3.12-slim\nRUN sh -c 'pip3.12 install --no-cache-dir flask'\n",
    },
    {
      name: 'env wrapper',
      code: 'FROM python:3.12-slim\nRUN env FOO=1 pip3 install flask\n',
      errors: [{ line: 2, column: 15 }],
      output: 'FROM python:3.12-slim\nRUN env FOO=1 pip3 install --no-cache-dir flask\n',
    },
    {
      name: 'heredoc',
      code: 'FROM python:3.12-slim\nRUN <<EOF\nset -e\npip install flask\nEOF\n',
      errors: [{ line: 4, column: 1, endColumn: 12 }],
      output: 'FROM python:3.12-slim\nRUN <<EOF\nset -e\npip install --no-cache-dir flask\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12-slim\nRUN ["pip", "install", "flask"]\n',
      errors: [{ line: 2, column: 6, endColumn: 22 }],
      output: 'FROM python:3.12-slim\nRUN ["pip", "install", "--no-cache-dir", "flask"]\n',
    },
    {
      name: 'cache mount on another directory does not count',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt pip install flask\n',
      errors: 1,
      output: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt pip install --no-cache-dir flask\n',
    },
  ],
});

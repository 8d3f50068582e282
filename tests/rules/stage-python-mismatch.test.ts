import rule from '~/rules/stage-python-mismatch';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    df`
      FROM python:3.12 AS builder
      RUN python -m venv /opt/venv
      FROM python:3.12-slim
      COPY --from=builder /opt/venv /opt/venv`,
    { name: 'same version in site-packages', code: 'FROM python:3.10 AS b\nFROM python:3.10-slim\nCOPY --from=b /usr/local/lib/python3.10/site-packages /usr/local/lib/python3.10/site-packages\n' },
    { name: 'unknown versions', code: 'ARG PY\nFROM python:${PY} AS b\nRUN python -m venv /venv\nFROM python:${PY}-slim\nCOPY --from=b /venv /venv\n' },
    { name: 'app code is not version specific', code: 'FROM python:3.11 AS b\nFROM python:3.12-slim\nCOPY --from=b /app /app\n' },
    { name: 'external image', code: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.10.4 /uv /bin/uv\n' },
    { name: 'the same Python from an image', code: 'FROM python:3.12-slim\nCOPY --from=python:3.12 /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n' },
    { name: '~/.local without pip install --user', code: 'FROM python:3.12-slim AS b\nRUN mkdir -p /root/.local/share/app\nFROM python:3.11-slim\nCOPY --from=b /root/.local /root/.local\n' },
    { name: 'a uv project of the same version', code: 'FROM python:3.12 AS b\nWORKDIR /app\nRUN uv sync --frozen\nFROM python:3.12-slim\nCOPY --from=b /app /app\n' },
    { name: 'a directory beside the venv', code: 'FROM python:3.11 AS b\nWORKDIR /app\nRUN uv sync --frozen\nFROM python:3.12-slim\nCOPY --from=b /app/static /app/static\n' },
    { name: 'poetry without an in-project venv', code: 'FROM python:3.11 AS b\nWORKDIR /app\nRUN poetry install\nFROM python:3.12-slim\nCOPY --from=b /app /app\n' },
    { name: 'a --prefix tree between the same versions', code: 'FROM python:3.12 AS b\nRUN pip install --prefix=/install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=b /install /usr/local\n' },
    { name: 'a --target directory between the same versions', code: 'FROM python:3.11-slim AS b\nRUN pip install --target /app flask\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=b /app /app\n' },
    { name: 'uv tool install takes no --target', code: 'FROM python:3.11-slim AS b\nRUN uv tool install ruff\nFROM python:3.12-slim\nCOPY --from=b /app /app\n' },
    { name: 'a directory beside a --prefix tree', code: 'FROM python:3.11 AS b\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=b /app /app\n' },
    { name: 'whole interpreters copied from images (a CI image with several Pythons)', code: 'FROM python:3.12-slim-bookworm\nCOPY --from=python:3.9-slim-bookworm /usr/local/ /usr/local/\nCOPY --from=python:3.11-slim-bookworm /usr/local /usr/local\nCOPY --from=python:3.12-slim-bookworm /usr/local/ /usr/local/\n' },
    { name: 'the whole prefix of a stage that only names an image', code: 'FROM python:3.10-slim AS py310\nFROM python:3.12-slim\nCOPY --from=py310 /usr/local /usr/local\n' },
    { name: 'the prefix between the same versions', code: 'FROM python:3.12 AS b\nRUN pip install --prefix=/usr/local flask\nFROM python:3.12-slim\nCOPY --from=b /usr/local /usr/local\n' },
    { name: 'distroless on its own Python', code: 'FROM python:3.11-slim AS b\nRUN python -m venv /venv\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=b /venv /venv\n' },
    { name: 'a venv variable of the same version', code: 'FROM python:3.12 AS b\nENV VIRTUAL_ENV=/opt/app\nRUN python -m venv $VIRTUAL_ENV\nFROM python:3.12-slim\nCOPY --from=b /opt/app /opt/app\n' },
  ],
  invalid: [
    {
      name: 'a pip install --prefix tree built on another Python',
      code: 'FROM python:3.11-slim AS builder\nCOPY requirements.txt .\nRUN pip install --prefix /install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\n',
      errors: [{ messageId: 'versions', line: 5, column: 21, endColumn: 29, message: /^`\/install` is copied from `builder` \(Python 3\.11\) into a stage on Python 3\.12/ }],
    },
    {
      name: 'a pip install --target directory copied to distroless (Debian 12: Python 3.11)',
      code: 'FROM python:3.12-slim AS builder\nADD *.py /app/\nRUN pip install --target=/app requests ruamel.yaml\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=builder /app /app\nENV PYTHONPATH /app\n',
      errors: [{ messageId: 'versions', line: 5, column: 21, endColumn: 25, message: /`\/app` is copied from `builder` \(Python 3\.12\) into a stage on Python 3\.11/ }],
    },
    { name: 'uv pip install -t, a subdirectory of it', code: 'FROM python:3.11-slim AS b\nRUN uv pip install -t /deps flask\nFROM python:3.13-slim\nCOPY --from=b /deps/flask /deps/flask\n', errors: [{ messageId: 'versions', line: 4, column: 15, endColumn: 26 }] },
    { name: 'a pip install --root tree, relative to WORKDIR', code: 'FROM python:3.11 AS b\nWORKDIR /build\nRUN pip install --root=out .\nFROM python:3.12-slim\nCOPY --from=b /build/out/ /\n', errors: [{ messageId: 'versions', line: 5, column: 15, endColumn: 26 }] },
    {
      code: df`
        FROM python:3.11 AS builder
        RUN python -m venv /opt/venv
        FROM python:3.12-slim
        COPY --from=builder /opt/venv /opt/venv`,
      errors: [{ messageId: 'versions', line: 4, column: 21, endColumn: 30 }],
    },
    {
      name: 'path names another version than the destination',
      code: 'FROM python:3.10 AS builder\nFROM python:3.12-slim\nCOPY --from=builder /usr/local/lib/python3.10/site-packages /usr/local/lib/python3.12/site-packages\n',
      errors: [{ messageId: 'pathVersion', line: 3 }],
    },
    { name: 'by stage index and uv venv', code: 'FROM python:3.13\nRUN uv venv /app/.venv\nFROM python:3.12-slim\nCOPY --from=0 /app/.venv /app/.venv\n', errors: 1 },
    {
      name: 'a venv made at $VIRTUAL_ENV',
      code: 'FROM python:3.11-slim AS builder\nENV VIRTUAL_ENV=/opt/app\nRUN python -m venv $VIRTUAL_ENV\nFROM python:3.12-slim\nCOPY --from=builder /opt/app /opt/app\n',
      errors: [{ messageId: 'versions', line: 5, column: 21, endColumn: 29 }],
    },
    {
      name: 'from an image rather than a stage',
      code: 'FROM python:3.12-slim\nCOPY --from=python:3.11-slim /usr/local/lib/python3.11/site-packages /usr/local/lib/python3.12/site-packages\nCOPY --from=python:3.11 /opt/venv /opt/venv\n',
      errors: [{ messageId: 'pathVersion', line: 2 }, { messageId: 'versions', line: 3, message: /from `python:3.11` \(Python 3.11\)/ }],
    },
    {
      name: 'pip install --user fills ~/.local for one Python',
      code: 'FROM python:3.12-slim AS builder\nRUN pip install --no-cache-dir --user flask==3.0.3\nFROM python:3.11-slim\nCOPY --from=builder /root/.local /root/.local\n',
      errors: [{ messageId: 'versions', line: 4 }],
    },
    {
      name: 'a directory that holds the uv project venv',
      code: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder\nWORKDIR /app\nRUN uv sync --frozen --no-dev\nFROM python:3.11-slim-bookworm\nCOPY --from=builder --chown=app:app /app /app\n',
      errors: [{ messageId: 'venvInside', line: 5, column: 37, endColumn: 41, message: /`\/app` holds the virtualenv `\/app\/.venv`, made in `builder` on Python 3.12, but this stage runs Python 3.11/ }],
    },
    {
      name: 'poetry told to keep the venv in the project',
      code: 'FROM python:3.11-slim AS builder\nWORKDIR /app\nRUN pip install poetry && poetry config virtualenvs.in-project true\nRUN poetry install --only main\nFROM python:3.12-slim\nCOPY --from=builder /app /app\n',
      errors: [{ messageId: 'venvInside', line: 6 }],
    },
    {
      name: 'pdm and UV_PROJECT_ENVIRONMENT',
      code: 'FROM python:3.13-slim AS a\nWORKDIR /src\nRUN pdm install --prod\nFROM python:3.13 AS b\nENV UV_PROJECT_ENVIRONMENT=/opt/env\nRUN uv sync\nFROM python:3.12-slim\nCOPY --from=a /src /src\nCOPY --from=b /opt /opt\n',
      errors: [{ messageId: 'venvInside', line: 8 }, { messageId: 'venvInside', line: 9, message: /holds the virtualenv `\/opt\/env`/ }],
    },
    { name: 'distroless Debian 12 runs Python 3.11', code: 'FROM python:3.12-slim AS b\nRUN python -m venv /venv\nFROM gcr.io/distroless/python3-debian12:nonroot\nCOPY --from=b /venv /venv\n', errors: [{ messageId: 'versions', message: /Python 3\.12\) into a stage on Python 3\.11/ }] },
    { name: 'the lib directory of a pristine image is still checked', code: 'FROM python:3.12-slim\nCOPY --from=python:3.9-slim /usr/local/lib /usr/local/lib\n', errors: [{ messageId: 'versions', line: 2, column: 29, endColumn: 43 }] },
    { name: 'the whole prefix of a builder', code: 'FROM python:3.11 AS b\nRUN pip install --no-cache-dir flask\nFROM python:3.12-slim\nCOPY --from=b /usr/local /usr/local\n', errors: [{ messageId: 'versions', line: 4, column: 15, endColumn: 25 }] },
    { name: 'the source path from an ARG', code: 'FROM python:3.11 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nARG VENV=/opt/venv\nCOPY --from=b ${VENV} ${VENV}\n', errors: [{ messageId: 'versions', line: 5, column: 15, endColumn: 22, message: /^`\$\{VENV\}` is copied/ }] },
    { name: 'ARG substituted', code: 'ARG BUILD_PY=3.11\nFROM python:${BUILD_PY} AS b\nRUN python -m venv /venv\nFROM python:3.13-slim\nCOPY --from=b /venv /venv\n', errors: 1 },
  ],
});

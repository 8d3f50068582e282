import rule from '~/rules/deps-after-source';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    { name: 'a script run through poetry is no dependency install', code: 'FROM python:3.12-slim\nCOPY . .\nRUN poetry run python setup.py install\n' },
    df`
      FROM python:3.12-slim
      WORKDIR /app
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .`,
    { name: 'installing the project itself after the source is fine', code: df`
      FROM python:3.12-slim
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .
      RUN pip install --no-cache-dir --no-deps .` },
    { name: 'uv two-step sync with bind mounts', code: df`
      FROM python:3.12-slim
      RUN --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --locked --no-install-project
      COPY . .
      RUN uv sync --locked` },
    { name: 'no dependency install at all', code: 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "app.py"]\n' },
    { name: 'pip install . needs the source', code: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install --no-cache-dir .\n' },
    { name: 'copy from another stage is not the context', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b . .\nRUN pip install -r requirements.txt\n' },
    { name: 'copying a subdirectory', code: 'FROM python:3.12-slim\nCOPY ./app ./app\nRUN pip install -r requirements.txt\n' },
    { name: 'poetry two-step install', code: df`
      FROM python:3.12-slim
      COPY pyproject.toml poetry.lock ./
      RUN poetry install --no-root --only main
      COPY . .
      RUN poetry install --only-root` },
    { name: 'bind-mounted requirements installed first', code: df`
      FROM python:3.12-slim
      RUN --mount=type=bind,source=requirements.txt,target=/tmp/r.txt pip install --no-cache-dir -r /tmp/r.txt
      COPY . .` },
    { name: 'parent installed first, child copies the source', code: df`
      FROM python:3.12-slim AS deps
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      FROM deps
      COPY . .
      RUN pip install --no-cache-dir --no-deps .` },
    { name: 'uv pip install . after the source', code: 'FROM python:3.12-slim\nCOPY . .\nRUN uv pip install --system .\n' },
    { name: 'poetry config is not an install', code: 'FROM python:3.12-slim\nCOPY . .\nRUN poetry config virtualenvs.create false\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ messageId: 'order', line: 3, column: 6, endColumn: 7, message: /line 4/ }],
    },
    { name: 'ADD . /app', code: 'FROM python:3.12-slim\nADD . /app\nRUN pip3 install -r /app/requirements.txt\n', errors: [{ line: 2, column: 5, endColumn: 6 }] },
    { name: 'COPY ./ ./ and uv sync', code: 'FROM python:3.12-slim\nCOPY ./ ./\nRUN uv sync --frozen\n', errors: [{ line: 2, column: 6, endColumn: 8 }] },
    { name: 'poetry', code: 'FROM python:3.12-slim\nCOPY --chown=app:app . /src\nRUN poetry install --only main\n', errors: [{ line: 2 }] },
    { name: 'one per stage', code: 'FROM python:3.12 AS a\nCOPY . .\nRUN pip install -r r.txt\nFROM python:3.12-slim\nCOPY . .\nRUN pipenv install --deploy\n', errors: 2 },
    { name: 'requirements copied, but installed after the wholesale copy', code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nCOPY . .\nRUN pip install -r requirements.txt\n', errors: [{ line: 3, column: 6, endColumn: 7 }] },
    { name: 'exec-form COPY, lower case', code: 'FROM python:3.12-slim\ncopy [".", "/app/"]\nrun pip install -r /app/requirements.txt\n', errors: [{ line: 2, column: 7, endColumn: 10 }] },
    { name: 'COPY --link and a cache mount', code: 'FROM python:3.12-slim\nCOPY --link . .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n', errors: [{ line: 2, column: 13, endColumn: 14 }] },
    { name: '--requirement= and ADD --chown', code: 'FROM python:3.12-slim\nADD --chown=1000:1000 ./ /srv/app\nRUN python -m pip install --requirement=/srv/app/requirements.txt\n', errors: [{ line: 2, column: 23, endColumn: 25 }] },
    { name: 'poetry with a directory option', code: 'FROM python:3.12-slim\nCOPY . /src\nRUN poetry -C /src install --only main\n', errors: [{ line: 2, column: 6, endColumn: 7 }] },
    { name: 'pdm', code: 'FROM python:3.12-slim\nCOPY . .\nRUN pdm install --prod\n', errors: 1 },
    { name: 'pip wheel -r in a builder', code: 'FROM python:3.12 AS build\nCOPY . .\nRUN pip wheel -r requirements.txt -w /wheels\nFROM python:3.12-slim\n', errors: 1 },
    { name: 'conda environment file', code: 'FROM continuumio/miniconda3\nCOPY . /app\nRUN conda env create -f /app/environment.yml\n', errors: 1 },
    { name: 'copied in the parent stage, installed in the child', code: 'FROM python:3.12-slim AS base\nCOPY . /app\nFROM base\nRUN pip install -r /app/requirements.txt\n', errors: [{ line: 2, column: 6, endColumn: 7, message: /line 4/ }] },
    { name: 'two children of one parent: reported once', code: 'FROM python:3.12-slim AS base\nCOPY . /app\nFROM base AS a\nRUN pip install -r /app/requirements.txt\nFROM base AS b\nRUN pip install -r /app/requirements.txt\n', errors: 1 },
    { name: 'COPY * ./ copies every top-level entry', code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY * ./\nRUN pip install --no-cache-dir -r requirements.txt\n', errors: [{ line: 3, column: 6, endColumn: 7 }] },
    { name: 'uv sync in a heredoc', code: 'FROM python:3.12-slim\nCOPY . .\nRUN <<EOF\nuv sync --locked\nEOF\n', errors: 1 },
  ],
});

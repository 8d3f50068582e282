import rule from '~/rules/deps-after-source';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
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
  ],
});

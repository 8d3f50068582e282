import rule from '~/rules/python-dont-write-bytecode';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1\n',
    { name: 'compileall', code: 'FROM python:3.12-slim\nCOPY . /app\nRUN python -m compileall -q /app\n' },
    { name: 'UV_COMPILE_BYTECODE', code: 'FROM python:3.12-slim\nENV UV_COMPILE_BYTECODE=1\nRUN uv sync --locked\n' },
    { name: '--compile-bytecode', code: 'FROM python:3.12-slim\nRUN uv pip install --system --compile-bytecode flask\n' },
    { name: 'not Python', code: 'FROM nginx:1.27\n' },
    { name: 'a venv compiled in the builder stage it is copied from', code: 'FROM python:3.12 AS b\nENV UV_COMPILE_BYTECODE=1\nRUN uv sync --locked\nFROM python:3.12-slim\nCOPY --from=b /app/.venv /app/.venv\n' },
    { name: 'in the parent', code: 'FROM python:3.12-slim AS base\nENV PYTHONDONTWRITEBYTECODE=1\nFROM base\n' },
    { name: 'a misspelled name, but bytecode is compiled at build time', code: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODES=1\nCOPY . /app\nRUN python -m compileall /app\n' },
    { name: 'python -B in the CMD', code: 'FROM python:3.12-slim\nCMD ["python", "-B", "-m", "app"]\n' },
    { name: 'UV_COMPILE_BYTECODE as an ARG of the builder', code: 'FROM python:3.12 AS b\nARG UV_COMPILE_BYTECODE=1\nRUN uv sync --locked\nFROM python:3.12-slim\nCOPY --from=b /app/.venv /app/.venv\n' },
    { name: 'poetry install --compile', code: 'FROM python:3.12-slim\nRUN poetry install --only main --compile\n' },
    { name: 'compileall called from python -c', code: 'FROM python:3.12-slim\nCOPY . /app\nRUN python -c "import compileall; compileall.compile_dir(\'/app\', quiet=1)"\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
      errors: [{ messageId: 'runtimeWrites', line: 1, column: 6, endColumn: 22 }],
      output: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'compiled only in a builder stage',
      code: 'FROM python:3.12 AS b\nRUN python -m compileall /src\nFROM python:3.12-slim\n',
      errors: [{ line: 3 }],
      output: 'FROM python:3.12 AS b\nRUN python -m compileall /src\nFROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1\n',
    },
    {
      name: 'misspelled name (ENV PYTHONDONTWITEBYTECODE=1): the typo is reported and renamed',
      code: 'FROM python:3.12-slim\nENV PYTHONDONTWITEBYTECODE=1 PYTHONUNBUFFERED=1\n',
      errors: [{ messageId: 'misspelled', line: 2, column: 5, endLine: 2, endColumn: 27 }],
      output: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\n',
    },
    {
      name: 'underscored name in a parent stage',
      code: 'FROM python:3.12-slim AS base\nENV PYTHON_DONT_WRITE_BYTECODE=1\nFROM base\n',
      errors: [{ messageId: 'misspelled', line: 2, column: 5, endLine: 2, endColumn: 31 }],
      output: 'FROM python:3.12-slim AS base\nENV PYTHONDONTWRITEBYTECODE=1\nFROM base\n',
    },
    {
      name: '-B after the module is the module\'s argument',
      code: 'FROM python:3.12-slim\nCMD ["python", "-m", "app", "-B"]\n',
      errors: [{ line: 1 }],
      output: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1\nCMD ["python", "-m", "app", "-B"]\n',
    },
  ],
});

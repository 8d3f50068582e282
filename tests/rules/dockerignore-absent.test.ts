import rule from '~/rules/dockerignore-absent';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    { code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: '.git\n' } },
    { name: 'empty .dockerignore still counts as given', code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: '' } },
    'FROM python:3.12-slim\nCOPY requirements.txt .\n',
    { name: 'a glob that is not every entry', code: 'FROM python:3.12-slim\nCOPY *.py requirements.txt ./\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nCOPY . .\n', errors: [{ messageId: 'absent', line: 2, column: 6, endColumn: 7 }] },
    { code: 'FROM python:3.12-slim\nCOPY --chown=app . /app\nCOPY . /srv\n', options: { dockerignore: null }, errors: 1 },
    {
      name: 'copied wholesale only into a builder: the message says where the files go',
      code: 'FROM python:3.12-slim AS builder\nWORKDIR /app\nCOPY . /app\nRUN uv sync --locked\nFROM python:3.12-slim\nCOPY --from=builder /app/.venv /app/.venv\n',
      errors: [{ messageId: 'absent', line: 3, column: 6, endColumn: 7, message: /files go into the build stage `builder` and break/ }],
    },
    {
      name: 'copied into a builder and into the image: reported on the image\'s copy',
      code: 'FROM python:3.12-slim AS builder\nCOPY . /src\nFROM python:3.12-slim\nCOPY . /app\n',
      errors: [{ messageId: 'absent', line: 4, column: 6, endColumn: 7, message: /files go into the image and break/ }],
    },
    { name: 'COPY ./* copies every top-level entry', code: 'FROM python:3.12-slim\nCOPY ./* /app/\n', errors: [{ line: 2, column: 6, endColumn: 9 }] },
  ],
});

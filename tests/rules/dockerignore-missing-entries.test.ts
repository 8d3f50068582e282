import rule from '~/rules/dockerignore-missing-entries';
import { ruleTester } from '../support/rule-tester';

const good = '.git\n**/.venv\n**/venv\n**/__pycache__\n**/*.pyc\n.env\n';
ruleTester.run(rule, {
  valid: [
    { code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: good } },
    { name: 'no .dockerignore given', code: 'FROM python:3.12-slim\nCOPY . .\n' },
    { name: 'no wholesale copy', code: 'FROM python:3.12-slim\nCOPY app/ /app/\n', options: { dockerignore: '' } },
    { name: 'allow-list style', code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: '*\n!app/\n!requirements.txt\n**/__pycache__\n**/*.pyc\n' } },
    { name: 'seed-article style list', code: 'FROM python:3.12-slim\nCOPY . /app\n', options: { dockerignore: '**/__pycache__\n**/*venv\n**/.env\n**/.git\n**/*.pyc\n' } },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCOPY . .\n',
      options: { dockerignore: 'node_modules\n' },
      errors: [{ messageId: 'missing', line: 2, column: 6, endColumn: 7, message: /`.git`, `.venv\/venv`, `__pycache__`, `\*.pyc`, `.env`/ }],
    },
    {
      name: 'root-only patterns miss nested bytecode',
      code: 'FROM python:3.12-slim\nADD . /app\n',
      options: { dockerignore: '.git\n.venv\n__pycache__\n*.pyc\n.env\n' },
      errors: [{ messageId: 'missingAnchored', message: /`__pycache__`, `\*.pyc`.*so the entries `__pycache__` and `\*.pyc` miss every subdirectory\.$/ }],
    },
    {
      name: 'an exception brings .env back',
      code: 'FROM python:3.12-slim\nCOPY ./ ./\n',
      options: { dockerignore: '.git\n**/.venv\n**/__pycache__\n**/*.pyc\n.env*\n!.env\n' },
      errors: [{ message: /`.env`/ }],
    },
  ],
});

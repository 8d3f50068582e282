import rule from '~/rules/dockerignore-missing-entries';
import { ruleTester } from '../support/rule-tester';

const good = '.git\n**/.venv\n**/venv\n**/__pycache__\n**/*.pyc\n.env\n';
ruleTester.run(rule, {
  valid: [
    { code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: good } },
    { name: 'no .dockerignore given', code: 'FROM python:3.12-slim\nCOPY . .\n' },
    { name: 'no wholesale copy', code: 'FROM python:3.12-slim\nCOPY app/ /app/\n', options: { dockerignore: '' } },
    { name: 'allow-list style', code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: '*\n!app/\n!requirements.txt\n**/__pycache__\n**/*.pyc\n' } },
    { name: 'allow-list with ** and bytecode patterns after the exception', code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: '**\n!app/**\n!requirements.txt\n**/__pycache__\n**/*.pyc\n' } },
    { name: 'allow-list of files only', code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: '*\n!main.py\n!requirements.txt\n!Makefile\n' } },
    { name: 'allow-list of a package with the bytecode patterns after it', code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: '*\n!src\n!pyproject.toml\n**/__pycache__\n**/*.pyc\n' } },
    { name: 'bytecode lives in __pycache__: excluding it everywhere is enough (docker init)', code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: '**/.DS_Store\n**/__pycache__\n**/.venv\n**/.env\n**/.git\n**/Dockerfile*\nLICENSE\n' } },
    { name: 'bytecode excluded as *.pyc everywhere', code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: '.git\n.venv\n**/*.py[cod]\n.env\n' } },
    { name: 'seed-article style list', code: 'FROM python:3.12-slim\nCOPY . /app\n', options: { dockerignore: '**/__pycache__\n**/*venv\n**/.env\n**/.git\n**/*.pyc\n' } },
  ],
  invalid: [
    {
      name: 'one entry missing',
      code: 'FROM python:3.12-slim\nCOPY . .\n',
      options: { dockerignore: '.git\n**/.venv\n**/__pycache__\n' },
      errors: [{ messageId: 'missing', line: 2, column: 6, endColumn: 7, message: 'The whole build context is copied, but `.dockerignore` does not exclude `.env`: it ends up in the image (secrets in `.env`). Add `.env`.' }],
    },
    {
      name: 'copied wholesale only into a builder stage',
      code: 'FROM python:3.12-slim AS build\nCOPY . /app\nRUN pip wheel -w /wheels /app\nFROM python:3.12-slim\nRUN --mount=type=bind,from=build,source=/wheels,target=/wheels pip install /wheels/*\n',
      options: { dockerignore: '.git\n' },
      errors: [{ messageId: 'missing', line: 2, column: 6, endColumn: 7, message: /`.venv`, `__pycache__`, `\*.pyc`, `.env`: they go into the build stage `build` \(a host virtualenv/ }],
    },
    {
      code: 'FROM python:3.12-slim\nCOPY . .\n',
      options: { dockerignore: 'node_modules\n' },
      errors: [{ messageId: 'missing', line: 2, column: 6, endColumn: 7, message: /`.git`, `.venv`, `__pycache__`, `\*.pyc`, `.env`: they end up in the image \(the whole Git history, a host virtualenv that breaks imports, stale bytecode, secrets in `.env`\)/ }],
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
      errors: [{ messageId: 'missingReincluded', message: /The exception `!\.env` brings `\.env` back into the context: the last matching line wins, so add `\.env` after the exceptions\.$/ }],
    },
    {
      name: 'allow-list with **: the exception re-includes the bytecode, no root-only entry is blamed',
      code: 'FROM python:3.12-slim\nCOPY . .\n',
      options: { dockerignore: '**\n!app/**\n!requirements.txt\n' },
      errors: [{
        messageId: 'missingReincluded', line: 2, column: 6, endColumn: 7,
        message: 'The whole build context is copied, but `.dockerignore` does not exclude `__pycache__`, `*.pyc`: they end up in the image (stale bytecode). The exception `!app/**` brings `__pycache__` and `*.pyc` back into the context: the last matching line wins, so add `**/__pycache__`, `**/*.pyc` after the exceptions.',
      }],
    },
    {
      name: 'allow-list with *: several exceptions named',
      code: 'FROM python:3.12-slim\nCOPY . /app\n',
      options: { dockerignore: '*\n!app/\n!.env\n!pyproject.toml\n' },
      errors: [{ messageId: 'missingReincluded', message: /The exceptions `!app\/` and `!\.env` bring `__pycache__`, `\*\.pyc` and `\.env` back/ }],
    },
    {
      name: 'allow-list of a package directory: its bytecode comes back with it',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n',
      options: { dockerignore: '*\n!src/\n!pyproject.toml\n' },
      errors: [{
        messageId: 'missingReincluded', line: 3, column: 6, endColumn: 7,
        message: 'The whole build context is copied, but `.dockerignore` does not exclude `__pycache__`, `*.pyc`: they end up in the image (stale bytecode). The exception `!src/` brings `__pycache__` and `*.pyc` back into the context: the last matching line wins, so add `**/__pycache__`, `**/*.pyc` after the exceptions.',
      }],
    },
    { name: 'allow-list of a bare directory name', code: 'FROM python:3.12-slim\nCOPY . .\n', options: { dockerignore: '*\n!mypackage\n!setup.py\n' }, errors: [{ messageId: 'missingReincluded', message: /The exception `!mypackage` brings/ }] },
    {
      name: 'bytecode patterns listed before the exception that re-includes them',
      code: 'FROM python:3.12-slim\nCOPY . .\n',
      options: { dockerignore: '**/__pycache__\n**/*.pyc\n*\n!app/\n' },
      errors: [{ messageId: 'missingReincluded', message: /The exception `!app\/` brings `__pycache__` and `\*\.pyc` back/ }],
    },
    {
      name: 'a root-only entry and an exception at once',
      code: 'FROM python:3.12-slim\nCOPY . .\n',
      options: { dockerignore: '.git\n**/.venv\n__pycache__\n**/*.pyo\n.env*\n!.env\n' },
      errors: [{ messageId: 'missingAnchoredReincluded', message: /so the entries `__pycache__` miss every subdirectory; and the exception `!\.env` brings `\.env` back/ }],
    },
  ],
});

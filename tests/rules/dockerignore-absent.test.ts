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
    { name: 'COPY ./* copies every top-level entry', code: 'FROM python:3.12-slim\nCOPY ./* /app/\n', errors: [{ line: 2, column: 6, endColumn: 9 }] },
  ],
});

import rule from '~/rules/copy-ignored-file';
import { df, ruleTester } from '../support/rule-tester';

const ignore = '# Python\n.git\n**/__pycache__\n**/*.pyc\n.env\n.venv\nbuild/\ndocs\n!docs/api.md\n';
const opts = { dockerignore: ignore };

ruleTester.run(rule, {
  valid: [
    { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nCOPY src/ ./src/\n', options: opts },
    { name: 'no .dockerignore given', code: 'FROM python:3.12-slim\nCOPY .env /app/.env\n' },
    { name: 'an empty .dockerignore', code: 'FROM python:3.12-slim\nCOPY .env /app/.env\n', options: { dockerignore: '' } },
    { name: 'the whole context', code: 'FROM python:3.12-slim\nCOPY . /app\nCOPY ./ /app\n', options: { dockerignore: '*\n!src\n' } },
    { name: 'from another stage', code: 'FROM python:3.12-slim AS build\nRUN python -m venv .venv\nFROM python:3.12-slim\nCOPY --from=build /.venv /.venv\n', options: opts },
    { name: 'a URL', code: 'FROM python:3.12-slim\nADD https://example.com/build/app.tar.gz /tmp/\n', options: opts },
    { name: 'a file brought back by an exception', code: 'FROM python:3.12-slim\nCOPY docs/api.md /app/docs/\n', options: opts },
    { name: 'a directory with an exception inside', code: 'FROM python:3.12-slim\nCOPY docs /app/docs\n', options: opts },
    { name: 'a wildcard source that an exception may match', code: 'FROM python:3.12-slim\nCOPY *.md /app/\n', options: { dockerignore: '*.md\n!README.md\n' } },
    { name: 'a pattern anchored elsewhere', code: 'FROM python:3.12-slim\nCOPY src/build/ /app/build/\n', options: opts },
    { name: 'an unknown variable', code: 'FROM python:3.12-slim\nCOPY $CONFIG /app/\n', options: opts },
    { name: 'triggers copy from another context', code: 'FROM python:3.12-slim\nONBUILD COPY .env /app/\n', options: opts },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCOPY .env /app/.env\n',
      options: opts,
      errors: [{ messageId: 'ignored', line: 2, column: 6, endColumn: 10, message: /^`\.env` is excluded by the `\.dockerignore` pattern `\.env`/ }],
    },
    {
      name: 'inside an ignored directory, with ./ and a leading slash',
      code: 'FROM python:3.12-slim\nCOPY ./build/wheels /wheels\nADD /build/app.tar.gz /opt/\n',
      options: opts,
      errors: [
        { line: 2, column: 6, endColumn: 20, message: /pattern `build\/`.*`COPY`/ },
        { line: 3, column: 5, endColumn: 22, message: /`ADD`/ },
      ],
    },
    {
      name: 'one source among several, exec form, lower case',
      code: 'from python:3.12-slim\ncopy ["requirements.txt", ".venv", "/app/"]\n',
      options: opts,
      errors: [{ line: 2, column: 27, endColumn: 34 }],
    },
    {
      name: 'a source given by an ARG',
      code: 'FROM python:3.12-slim\nARG SETTINGS=.env\nCOPY ${SETTINGS} /app/\n',
      options: opts,
      errors: [{ line: 3, column: 6, endColumn: 17, message: /^`\$\{SETTINGS\}` \(`\.env`\) is excluded/ }],
    },
    {
      name: 'continuation lines, in a later stage',
      code: df`
        FROM python:3.12-slim AS base
        FROM base
        COPY requirements.txt \\
             .git \\
             /app/
      `,
      options: opts,
      errors: [{ line: 4, column: 6, endColumn: 10 }],
    },
    {
      name: 'the last matching pattern is named',
      code: 'FROM python:3.12-slim\nCOPY app/__pycache__ /app/\n',
      options: opts,
      errors: [{ message: /pattern `\*\*\/__pycache__`/ }],
    },
    {
      name: 'a wildcard source with every match ignored',
      code: 'FROM python:3.12-slim\nCOPY *.md /app/\n',
      options: { dockerignore: '*.md\n' },
      errors: [{ line: 2, column: 6, endColumn: 10, message: /pattern `\*\.md`/ }],
    },
    {
      name: 'CRLF .dockerignore',
      code: 'FROM python:3.12-slim\nCOPY secrets.json /app/\n',
      options: { dockerignore: 'secrets.json\r\n' },
      errors: [{ line: 2, column: 6 }],
    },
  ],
});

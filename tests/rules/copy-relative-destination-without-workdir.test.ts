import rule from '~/rules/copy-relative-destination-without-workdir';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n',
    { name: 'absolute destination', code: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\n' },
    { name: 'quoted absolute destination', code: 'FROM python:3.12-slim\nCOPY app.py "/app/app.py"\n' },
    { name: 'Windows absolute destinations', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.py c:\\app\\app.py\nCOPY app.py "d:/app/"\n' },
    { name: 'an unknown variable may be absolute', code: 'FROM python:3.12-slim\nCOPY app.py ${APP_HOME}\nCOPY app.py "$APP_HOME/"\n' },
    { name: 'an ENV that resolves to an absolute path', code: 'FROM python:3.12-slim\nENV APP_HOME=/srv/app\nCOPY . $APP_HOME\n' },
    { name: 'an ARG that resolves to an absolute path', code: 'ARG DEST=/srv\nFROM python:3.12-slim\nARG DEST\nCOPY . ${DEST}/app\n' },
    {
      name: 'WORKDIR inherited from a parent stage, two levels up',
      code: df`
        FROM python:3.12-slim AS base
        WORKDIR /app
        FROM base AS deps
        RUN pip --version
        FROM deps
        COPY . .
      `,
    },
    { name: 'scratch has no working directory to depend on', code: 'FROM scratch\nCOPY app app\n' },
    { name: 'lower-case instructions', code: 'from python:3.12-slim\nworkdir /app\ncopy . .\n' },
    { name: 'exec form with WORKDIR', code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY ["app.py", "main.py"]\n' },
    { name: 'heredoc to an absolute path', code: 'FROM python:3.12-slim\nCOPY <<EOF /etc/app.conf\nlevel=info\nEOF\n' },
    { name: 'a trigger after a WORKDIR trigger', code: 'FROM python:3.12-slim\nONBUILD WORKDIR /app\nONBUILD COPY . .\n' },
    { name: 'a trigger runs after every WORKDIR of its image', code: 'FROM python:3.12-slim\nONBUILD COPY . .\nWORKDIR /app\n' },
  ],
  invalid: [
    {
      name: 'one finding per stage: one WORKDIR fixes them all',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt ./\nCOPY src/ ./src/\nFROM python:3.12-slim\nCOPY . .\n',
      errors: [{ messageId: 'relative', line: 2, column: 23, endColumn: 25 }, { messageId: 'relative', line: 5, column: 8, endColumn: 9 }],
    },
    {
      code: 'FROM python:3.12-slim\nCOPY . .\n',
      errors: [{ messageId: 'relative', line: 2, column: 8, endColumn: 9, message: /^`\.` is a relative destination/ }],
    },
    {
      name: 'WORKDIR set only after the COPY',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nWORKDIR /app\nCOPY . .\n',
      errors: [{ line: 2, column: 23, endColumn: 24 }],
    },
    {
      name: 'WORKDIR in a previous stage that is not a parent',
      code: df`
        FROM python:3.12-slim AS build
        WORKDIR /src
        FROM python:3.12-slim
        COPY --from=build /src/dist dist/
      `,
      errors: [{ line: 4, column: 29, endColumn: 34 }],
    },
    {
      name: 'ADD, quotes and continuation lines',
      code: 'FROM python:3.12-slim\nADD --chown=1000:1000 app.tar.gz \\\n    "srv/app"\n',
      errors: [{ line: 3, column: 5, endColumn: 14 }],
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12-slim\nCOPY ["requirements.txt", "app/requirements.txt"]\n',
      errors: [{ line: 2, column: 27, endColumn: 49 }],
    },
    {
      name: 'a heredoc to a relative path',
      code: 'FROM python:3.12-slim\nCOPY <<EOF app.conf\nlevel=info\nEOF\n',
      errors: [{ line: 2, column: 12, endColumn: 20 }],
    },
    {
      name: 'an ARG that resolves to a relative path',
      code: 'FROM python:3.12-slim\nARG DEST=app\nCOPY . $DEST\n',
      errors: [{ line: 3, column: 8, endColumn: 13 }],
    },
    {
      name: 'a variable inside a relative path',
      code: 'FROM python:3.12-slim\nCOPY . app/$VERSION/\n',
      errors: [{ line: 2, column: 8 }],
    },
    {
      name: 'lower-case, escape directive',
      code: '# escape=`\nfrom python:3.12-slim\ncopy . `\n  app\n',
      errors: [{ line: 4, column: 3, endColumn: 6 }],
    },
    {
      name: 'a trigger in an image without WORKDIR',
      code: 'FROM python:3.12-slim\nONBUILD COPY . .\n',
      errors: [{ line: 2, column: 16, endColumn: 17 }],
    },
    {
      name: 'a WORKDIR trigger does not count for the image itself',
      code: 'FROM python:3.12-slim\nONBUILD WORKDIR /app\nCOPY . .\n',
      errors: [{ line: 3, column: 8 }],
    },
  ],
});

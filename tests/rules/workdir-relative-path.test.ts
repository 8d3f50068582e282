import rule from '~/rules/workdir-relative-path';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nWORKDIR /app\n',
    { name: 'quoted absolute path', code: 'FROM python:3.12-slim\nWORKDIR "/srv/my app"\n' },
    { name: 'variable that may be absolute', code: 'FROM python:3.12-slim\nWORKDIR $HOME/app\n' },
    { name: 'variable resolved to an absolute path', code: 'FROM python:3.12-slim\nARG APP_HOME=/opt/app\nWORKDIR ${APP_HOME}\n' },
    { name: 'ENV resolved to an absolute path', code: 'FROM python:3.12-slim\nENV APP_HOME=/opt/app\nWORKDIR $APP_HOME/src\n' },
    { name: 'Windows drive path', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n' },
    { name: 'Windows forward slashes', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:/app\n' },
    { name: 'lower-case instruction', code: 'from python:3.12-slim\nworkdir /app\n' },
  ],
  invalid: [
    {
      name: 'relative path with no absolute WORKDIR before',
      code: 'FROM python:3.12-slim\nWORKDIR app\n',
      errors: [{ messageId: 'relativeToBase', line: 2, column: 9, endColumn: 12 }],
      output: null,
    },
    {
      name: './ prefix',
      code: 'FROM python:3.12-slim\nWORKDIR ./src\n',
      errors: [{ messageId: 'relativeToBase', message: /for example `\/src`/ }],
      output: null,
    },
    {
      name: 'WORKDIR . (a Celery sample): the example is `/`, not `/.`',
      code: 'FROM python:3.11-slim\nWORKDIR .\n',
      errors: [{ messageId: 'relativeToBase', line: 2, column: 9, endColumn: 10, message: /for example `\/` if the base image/ }],
      output: null,
    },
    {
      name: 'dot segments are resolved in the example',
      code: 'FROM python:3.11-slim\nWORKDIR ./src/../lib\n',
      errors: [{ messageId: 'relativeToBase', message: /for example `\/lib` if/ }],
      output: null,
    },
    {
      name: 'relative after an absolute WORKDIR: fixed to the absolute path',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nWORKDIR src\n',
      errors: [{ messageId: 'relativeToEarlier', line: 3, column: 9, endColumn: 12, message: /resolves to `\/app\/src`/ }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nWORKDIR /app/src\n',
    },
    {
      name: 'parent directory segments are normalised',
      code: 'FROM python:3.12-slim\nWORKDIR /app/src\nWORKDIR ../lib\n',
      errors: [{ messageId: 'relativeToEarlier' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app/src\nWORKDIR /app/lib\n',
    },
    {
      name: 'absolute WORKDIR inherited from a parent stage',
      code: df`
        FROM python:3.12-slim AS base
        WORKDIR /app
        FROM base AS final
        WORKDIR static
      `,
      errors: [{ messageId: 'relativeToEarlier', line: 4 }],
      output: 'FROM python:3.12-slim AS base\nWORKDIR /app\nFROM base AS final\nWORKDIR /app/static\n',
    },
    {
      name: 'an absolute WORKDIR in an unrelated stage does not count',
      code: df`
        FROM python:3.12-slim AS build
        WORKDIR /app
        FROM python:3.12-slim
        WORKDIR app
      `,
      errors: [{ messageId: 'relativeToBase', line: 4 }],
      output: null,
    },
    {
      name: 'a variable in the chain: reported without a fix',
      code: 'FROM python:3.12-slim\nARG ROOT=/srv\nWORKDIR $ROOT\nWORKDIR app\n',
      errors: [{ messageId: 'relativeToEarlier', message: /`\/srv\/app`/ }],
      output: null,
    },
    {
      name: 'a tilde is not the home directory',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nWORKDIR ~/src\nFROM python:3.12-slim\nWORKDIR ~/app\n',
      errors: [
        { messageId: 'tilde', line: 3, column: 9, endColumn: 14, message: /literally named `~` in `\/app` \(`\/app\/~\/src`\)\. Write the absolute path you mean, such as `\/root\/src` or `\/home\/<user>\/src`\.$/ },
        { messageId: 'tilde', line: 5, column: 9, endColumn: 14, message: /in the working directory of the base image\./ },
      ],
      output: null,
    },
    {
      name: 'scratch starts at /',
      code: 'FROM scratch\nWORKDIR app\n',
      errors: [{ messageId: 'relativeToRoot', line: 2, column: 9, endColumn: 12, message: /resolves to `\/app` only because a `scratch` stage starts in `\/`/ }],
      output: 'FROM scratch\nWORKDIR /app\n',
    },
    {
      name: 'a path with a space is quoted by the fix',
      code: 'FROM python:3.12-slim\nWORKDIR /srv\nWORKDIR "my app"\n',
      errors: [{ messageId: 'relativeToEarlier', line: 3, column: 9, endColumn: 17 }],
      output: 'FROM python:3.12-slim\nWORKDIR /srv\nWORKDIR "/srv/my app"\n',
    },
    {
      name: 'inside ONBUILD the downstream working directory is unknown',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nONBUILD WORKDIR src\n',
      errors: [{ messageId: 'relativeToBase', line: 3, column: 17 }],
      output: null,
    },
    {
      name: 'every relative WORKDIR is reported, as hadolint does',
      code: 'FROM python:3.12-slim\nWORKDIR app\nWORKDIR src\n',
      errors: [{ messageId: 'relativeToBase', line: 2 }, { messageId: 'relativeToBase', line: 3 }],
      output: null,
    },
  ],
});

import rule from '~/rules/onbuild-forbidden-trigger';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nONBUILD COPY . /app\nONBUILD RUN pip install --no-cache-dir -r /app/requirements.txt\n',
    { name: 'a plain FROM and MAINTAINER are not triggers', code: 'FROM python:3.12-slim\nMAINTAINER me@example.com\nFROM python:3.12-slim\n' },
    { name: 'an argument that merely names an instruction', code: 'FROM python:3.12-slim\nONBUILD RUN echo FROM ONBUILD MAINTAINER\n' },
    { name: 'ONBUILD with nothing after it', code: 'FROM python:3.12-slim\nONBUILD\n' },
    { name: 'ONBUILD ARG and ENV', code: 'FROM python:3.12-slim\nONBUILD ARG VERSION\nONBUILD ENV APP_VERSION=$VERSION\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nONBUILD ONBUILD RUN pip install .\n',
      errors: [{ messageId: 'chained', line: 2, column: 9, endColumn: 16 }],
    },
    {
      code: 'FROM python:3.12-slim\nONBUILD FROM python:3.13-slim\n',
      errors: [{ messageId: 'from', line: 2, column: 9, endColumn: 13 }],
    },
    {
      code: 'FROM python:3.12-slim\nONBUILD MAINTAINER me@example.com\n',
      errors: [{ messageId: 'maintainer', line: 2, column: 9, endColumn: 19 }],
    },
    {
      name: 'lower-case keywords and extra spaces',
      code: 'FROM python:3.12-slim\nonbuild   from base\n',
      errors: [{ messageId: 'from', line: 2, column: 11, endColumn: 15 }],
    },
    {
      name: 'a trigger continued over lines, in a later stage',
      code: df`
        FROM python:3.12-slim AS base
        FROM base
        ONBUILD \\
          ONBUILD RUN echo hi
      `,
      errors: [{ messageId: 'chained', line: 4, column: 3, endColumn: 10 }],
    },
    {
      name: 'an ONBUILD before the first FROM is still checked',
      code: 'ONBUILD FROM python:3.12-slim\nFROM python:3.12-slim\n',
      errors: [{ messageId: 'from', line: 1, column: 9 }],
    },
    {
      name: 'escape directive',
      code: '# escape=`\nFROM python:3.12-slim\nONBUILD `\n  MAINTAINER me\n',
      errors: [{ messageId: 'maintainer', line: 4, column: 3, endColumn: 13 }],
    },
  ],
});

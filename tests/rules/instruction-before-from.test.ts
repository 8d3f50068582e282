import rule from '~/rules/instruction-before-from';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip --version\n',
    {
      name: 'parser directives, comments and global ARGs first',
      code: df`
        # syntax=docker/dockerfile:1
        # check=error=true
        # The Python version to build with.
        ARG PYTHON_VERSION=3.12
        arg DEBIAN=bookworm

        FROM python:\${PYTHON_VERSION}-slim-\${DEBIAN}
        RUN pip --version
      `,
    },
    { name: 'lower-case from', code: 'from python:3.12-slim\nrun pip --version\n' },
    { name: 'an empty file', code: '' },
    { name: 'only comments', code: '# nothing yet\n' },
    { name: 'only ARGs', code: 'ARG A=1\n' },
    { name: 'a BOM before FROM', code: '\uFEFFFROM python:3.12-slim\n' },
  ],
  invalid: [
    {
      code: 'LABEL org.opencontainers.image.source=https://example.com\nFROM python:3.12-slim\n',
      errors: [{ messageId: 'beforeFrom', line: 1, column: 1, endColumn: 6, message: /^`LABEL` comes before the first `FROM`/ }],
    },
    {
      name: 'every instruction before FROM, after an ARG and a directive',
      code: df`
        # syntax=docker/dockerfile:1
        ARG PYTHON_VERSION=3.12
        env PYTHONUNBUFFERED=1
        RUN echo hi
        FROM python:\${PYTHON_VERSION}-slim
        RUN echo ok
      `,
      errors: [
        { messageId: 'beforeFrom', line: 3, column: 1, endColumn: 4, message: /^`env` comes before/ },
        { messageId: 'beforeFrom', line: 4, column: 1, endColumn: 4 },
      ],
    },
    {
      name: 'a misspelled FROM',
      code: 'FORM python:3.12-slim\nRUN pip --version\n',
      errors: [{ messageId: 'typo', line: 1, column: 1, endColumn: 5 }, { messageId: 'beforeFrom', line: 2 }],
    },
    {
      name: 'a file without FROM',
      code: 'ARG A\nCOPY . /app\n',
      errors: [{ messageId: 'beforeFrom', line: 2, column: 1, endColumn: 5 }],
    },
    {
      name: 'a continued instruction and the escape directive',
      code: '# escape=`\nWORKDIR `\n  /app\nFROM python:3.12-slim\n',
      errors: [{ messageId: 'beforeFrom', line: 2, column: 1, endColumn: 8 }],
    },
    {
      name: 'ONBUILD before FROM',
      code: 'ONBUILD RUN echo hi\nFROM python:3.12-slim\n',
      errors: [{ messageId: 'beforeFrom', line: 1, column: 1, endColumn: 8 }],
    },
  ],
});

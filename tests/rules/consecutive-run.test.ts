import rule from '~/rules/consecutive-run';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir uv\n',
    { name: 'separated by another instruction', code: 'FROM python:3.12-slim\nRUN useradd app\nWORKDIR /app\nRUN chown app /app\n' },
    { name: 'the first one chains commands', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nRUN curl --version\n' },
    { name: 'the second one chains commands', code: 'FROM python:3.12-slim\nRUN useradd app\nRUN mkdir /data; chown app /data\n' },
    { name: 'a pipe is two commands', code: 'FROM python:3.12-slim\nRUN useradd app\nRUN id app | tee /tmp/id\n' },
    {
      name: 'different mounts',
      code: df`
        FROM python:3.12-slim
        RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
        RUN --mount=type=secret,id=token ./fetch-models.sh
      `,
    },
    { name: 'mounts against none', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install uv\nRUN uv --version\n' },
    { name: 'different stages', code: 'FROM python:3.12-slim AS a\nRUN echo a\nFROM python:3.12-slim\nRUN echo b\n' },
    { name: 'ONBUILD triggers are not consecutive RUNs of this image', code: 'FROM python:3.12-slim\nRUN echo a\nONBUILD RUN echo b\nONBUILD RUN echo c\n' },
    { name: 'a heredoc script of several commands', code: 'FROM python:3.12-slim\nRUN echo a\nRUN <<EOF\nuseradd app\nmkdir /data\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN useradd app\nRUN mkdir /data\n',
      errors: [{ messageId: 'consecutive', line: 3, column: 1, endColumn: 4 }],
    },
    {
      name: 'comments between them do not count',
      code: 'FROM python:3.12-slim\nRUN useradd app\n# the data directory\n\nRUN mkdir /data\n',
      errors: [{ line: 5, column: 1 }],
    },
    {
      name: 'three in a row after a chained one',
      code: 'FROM python:3.12-slim\nRUN a && b\nrun c\nRUN ["d"]\nRUN e\n',
      errors: [{ line: 4, column: 1, endColumn: 4 }, { line: 5 }],
    },
    {
      name: 'the same mount flags, in any order',
      code: df`
        FROM python:3.12-slim
        RUN --network=none --mount=type=cache,target=/root/.cache/pip pip install .
        RUN --mount=type=cache,target=/root/.cache/pip --network=none pip check
      `,
      errors: [{ line: 3 }],
    },
    {
      name: 'continuation lines and the escape directive',
      code: '# escape=`\nFROM python:3.12-slim\nRUN pip install `\n    uv\nRUN uv --version\n',
      errors: [{ line: 5, column: 1, endColumn: 4 }],
    },
    {
      name: 'sh -c with one command',
      code: 'FROM python:3.12-slim\nRUN useradd app\nRUN ["sh", "-c", "mkdir /data"]\n',
      errors: [{ line: 3 }],
    },
  ],
});

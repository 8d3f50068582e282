import rule from '~/rules/build-tools-in-final-stage';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n',
    { name: 'purged in the same RUN', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev && pip install --no-cache-dir psycopg2 && apt-get purge -y --auto-remove gcc libpq-dev\n' },
    { name: 'builder stage', code: df`
      FROM python:3.12 AS build
      RUN apt-get update && apt-get install -y build-essential
      FROM python:3.12-slim
      USER 1000` },
    { name: 'apk virtual package removed', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir cffi && apk del .build-deps\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\n',
      errors: [{ messageId: 'buildTool', line: 2, column: 66, endColumn: 69 }, { line: 2, column: 70, endColumn: 79 }],
    },
    { name: 'removed in a later RUN does not help', code: 'FROM python:3.12-slim\nRUN apt-get install -y build-essential\nRUN apt-get purge -y build-essential\n', errors: 1 },
    { name: 'parent of the final stage', code: 'FROM python:3.12-slim AS base\nRUN apt-get install -y python3-dev\nFROM base\n', errors: 1 },
    { name: 'apk', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache build-base\n', errors: 1 },
  ],
});

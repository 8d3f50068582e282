import rule from '~/rules/copy-from-own-stage';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim AS build\nFROM python:3.12-slim AS app\nCOPY --from=build /a /a\n',
    { name: 'an earlier stage by index', code: 'FROM python:3.12-slim\nFROM python:3.12-slim\nCOPY --from=0 /a /a\n' },
    { name: 'a later stage without a cycle', code: 'FROM python:3.12-slim AS app\nCOPY --from=assets /dist /static\nFROM node:22-slim AS assets\nRUN npm ci\n' },
    { name: 'image', code: 'FROM python:3.12-slim AS app\nCOPY --from=python:3.12-slim /usr/local/bin/python3 /tmp/\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim AS app\nCOPY --from=app /a /b\n',
      errors: [{ messageId: 'self', line: 2, column: 13, endColumn: 16 }],
    },
    {
      name: 'own index in a single-stage build',
      code: 'FROM python:3.12-slim\nCOPY --from=0 /a /b\n',
      errors: [{ messageId: 'self' }],
    },
    {
      name: 'other casing',
      code: 'FROM python:3.12-slim AS App\nCOPY --from=APP /a /b\n',
      errors: [{ messageId: 'self' }],
    },
    {
      name: 'mount from the own stage',
      code: 'FROM python:3.12-slim AS app\nRUN --mount=from=app,source=/a,target=/b true\n',
      errors: [{ messageId: 'self' }],
    },
    {
      name: 'a cycle through a later stage',
      code: df`
        FROM python:3.12-slim AS stage0
        COPY --from=stage2 /f1 /sub/
        FROM python:3.12-slim AS stage1
        COPY --from=stage0 /f2 /sub/
        FROM python:3.12-slim AS stage2
        COPY --from=stage1 /f2 /sub/
      `,
      errors: [{ messageId: 'cycle', line: 2 }],
    },
    {
      name: 'a cycle through FROM',
      code: 'FROM python:3.12-slim AS base\nCOPY --from=final /x /x\nFROM base AS final\n',
      errors: [{ messageId: 'cycle', line: 2 }],
    },
  ],
});

import rule from '~/rules/redundant-target-platform';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM --platform=$BUILDPLATFORM python:3.12 AS build\n', 'FROM python:3.12\n'],
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM python:3.12\n', errors: [{ messageId: 'redundant', line: 1, column: 6, endColumn: 32 }], output: 'FROM python:3.12\n' },
    { code: 'FROM --platform=${TARGETPLATFORM} python:3.12 AS app\n', errors: 1, output: 'FROM python:3.12 AS app\n' },
  ],
});

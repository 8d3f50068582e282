import rule from '~/rules/reserved-stage-name';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12 AS builder\n', 'FROM scratch\n'],
  invalid: [
    { code: 'FROM python:3.12 AS scratch\n', errors: [{ messageId: 'reserved', line: 1, column: 21, endColumn: 28 }] },
    { code: 'FROM python:3.12 as Context\n', errors: 1 },
  ],
});

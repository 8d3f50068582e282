import rule from '~/rules/stage-name-casing';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12 AS builder\n', 'FROM python:3.12\n'],
  invalid: [
    {
      code: 'FROM python:3.12 AS Builder\nRUN pip wheel -w /w flask\nFROM python:3.12-slim\nCOPY --from=Builder /w /w\n',
      errors: [{ messageId: 'casing', line: 1, column: 21, endColumn: 28 }],
      output: 'FROM python:3.12 AS builder\nRUN pip wheel -w /w flask\nFROM python:3.12-slim\nCOPY --from=builder /w /w\n',
    },
    {
      name: 'FROM and mount references',
      code: 'FROM python:3.12 AS Base\nFROM Base\nRUN --mount=type=bind,from=Base,source=/a,target=/a true\n',
      errors: 1,
      output: 'FROM python:3.12 AS base\nFROM base\nRUN --mount=type=bind,from=base,source=/a,target=/a true\n',
    },
  ],
});

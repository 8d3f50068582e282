import rule from '~/rules/from-as-casing';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12 AS build\n', 'from python:3.12 as build\n', 'FROM python:3.12\n'],
  invalid: [
    { code: 'FROM python:3.12 as build\n', errors: [{ messageId: 'casing', column: 18, endColumn: 20 }], output: 'FROM python:3.12 AS build\n' },
    { code: 'from python:3.12 AS build\n', errors: 1, output: 'from python:3.12 as build\n' },
  ],
});

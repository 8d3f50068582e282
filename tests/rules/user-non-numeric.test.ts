import rule from '~/rules/user-non-numeric';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12\nUSER 10001\n', 'FROM python:3.12\nUSER 10001:10001\n', 'FROM python:3.12 AS b\nUSER app\nFROM python:3.12\nUSER 1000\n', 'FROM python:3.12\nUSER $APP_UID\n'],
  invalid: [{ code: 'FROM python:3.12\nUSER app\n', errors: [{ messageId: 'named', line: 2, column: 6, endColumn: 9 }] }, { code: 'FROM python:3.12\nUSER app:app\n', errors: 1 }],
});

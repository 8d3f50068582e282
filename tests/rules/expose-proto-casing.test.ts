import rule from '~/rules/expose-proto-casing';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12\nEXPOSE 8000/tcp 53/udp 80\n'],
  invalid: [{ code: 'FROM python:3.12\nEXPOSE 8000/TCP\n', errors: [{ messageId: 'casing', line: 2, column: 8, endColumn: 16 }], output: 'FROM python:3.12\nEXPOSE 8000/tcp\n' }],
});

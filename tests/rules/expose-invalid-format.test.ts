import rule from '~/rules/expose-invalid-format';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12\nEXPOSE 8000 8080/tcp 9000-9010\n', 'FROM python:3.12\nEXPOSE $PORT\n'],
  invalid: [
    { code: 'FROM python:3.12\nEXPOSE 80:8000\n', errors: [{ messageId: 'format', line: 2, column: 8, endColumn: 15, message: /a host port/ }], output: 'FROM python:3.12\nEXPOSE 8000\n' },
    { code: 'FROM python:3.12\nEXPOSE 127.0.0.1:80:8000/tcp\n', errors: [{ message: /an IP address and a host port/ }], output: 'FROM python:3.12\nEXPOSE 8000/tcp\n' },
  ],
});

import rule from '~/rules/expose-port-invalid';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nEXPOSE 8000\n',
    { name: 'several ports and protocols', code: 'FROM python:3.12-slim\nEXPOSE 80/tcp 53/udp 9999/sctp 0 65535\n' },
    { name: 'range', code: 'FROM python:3.12-slim\nEXPOSE 8000-8010/tcp\n' },
    { name: 'protocol casing is another rule', code: 'FROM python:3.12-slim\nEXPOSE 8000/TCP\n' },
    { name: 'unresolved variable', code: 'FROM python:3.12-slim\nEXPOSE $PORT\n' },
    { name: 'variable with a valid default', code: 'FROM python:3.12-slim\nARG PORT=8000\nEXPOSE ${PORT}/tcp\n' },
    { name: 'host mapping is another rule', code: 'FROM python:3.12-slim\nEXPOSE 8080:80\n' },
    { name: 'lower-case instruction', code: 'FROM python:3.12-slim\nexpose 8000\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nEXPOSE 80000\n',
      errors: [{ messageId: 'outOfRange', line: 2, column: 8, endColumn: 13 }],
    },
    {
      name: 'range end out of range',
      code: 'FROM python:3.12-slim\nEXPOSE 8000 65530-65540/udp\n',
      errors: [{ messageId: 'outOfRange', column: 13, endColumn: 28, message: /`65530-65540`/ }],
    },
    {
      name: 'reversed range',
      code: 'FROM python:3.12-slim\nEXPOSE 8010-8000\n',
      errors: [{ messageId: 'reversed' }],
    },
    {
      name: 'not a number',
      code: 'FROM python:3.12-slim\nEXPOSE http\n',
      errors: [{ messageId: 'notANumber', message: /^`http` is not a port number/ }],
    },
    {
      name: 'unknown protocol',
      code: 'FROM python:3.12-slim\nEXPOSE 8000/http\n',
      errors: [{ messageId: 'protocol', message: /^`http` is not a protocol/ }],
    },
    {
      name: 'variable resolved to an invalid port',
      code: 'FROM python:3.12-slim\nENV PORT=99999\nEXPOSE $PORT\n',
      errors: [{ messageId: 'outOfRange', line: 3, column: 8, endColumn: 13 }],
    },
  ],
});

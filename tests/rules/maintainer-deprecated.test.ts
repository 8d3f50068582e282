import rule from '~/rules/maintainer-deprecated';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12-slim\nLABEL org.opencontainers.image.authors="ops@example.com"\n'],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nMAINTAINER Jane Doe <jane@example.com>\n',
      errors: [{ messageId: 'deprecated', line: 2, column: 1, endColumn: 11 }],
      output: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
    { code: 'FROM python:3.12-slim\nMAINTAINER "ops@example.com"\n', errors: 1, output: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.authors="ops@example.com"\n' },
  ],
});

import rule from '~/rules/legacy-key-value-format';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12\nENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1\n', 'FROM python:3.12\nLABEL a=b\n', 'FROM python:3.12\nARG X\n'],
  invalid: [
    { code: 'FROM python:3.12\nENV PYTHONUNBUFFERED 1\n', errors: [{ messageId: 'legacy', line: 2, column: 5, endColumn: 23 }], output: 'FROM python:3.12\nENV PYTHONUNBUFFERED=1\n' },
    { code: 'FROM python:3.12\nENV GREETING hello world\n', errors: 1, output: 'FROM python:3.12\nENV GREETING="hello world"\n' },
    { code: 'FROM python:3.12\nLABEL maintainer "ops@example.com"\n', errors: 1, output: 'FROM python:3.12\nLABEL maintainer="ops@example.com"\n' },
  ],
});

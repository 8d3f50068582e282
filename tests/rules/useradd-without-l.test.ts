import rule from '~/rules/useradd-without-l';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12\nRUN useradd -u 10001 app\n', 'FROM python:3.12\nRUN useradd -l -u 1000000 app\n', 'FROM python:3.12\nRUN useradd --no-log-init --uid 1000000 app\n'],
  invalid: [
    { name: 'size for the largest 32-bit UIDs', code: 'FROM python:3.12\nRUN useradd -u 2147483647 app\n', errors: [{ messageId: 'lastlog', message: /of about 630 GB / }], output: 'FROM python:3.12\nRUN useradd --no-log-init -u 2147483647 app\n' },
    { code: 'FROM python:3.12\nRUN useradd -u 1000000 app\n', errors: [{ messageId: 'lastlog', line: 2, column: 5, endColumn: 12, message: /UID 1000000 .* of about 290 MB / }], output: 'FROM python:3.12\nRUN useradd --no-log-init -u 1000000 app\n' },
    { code: 'FROM python:3.12\nRUN groupadd -g 70000 app && useradd --uid=70000 -g app app\n', errors: 1, output: 'FROM python:3.12\nRUN groupadd -g 70000 app && useradd --no-log-init --uid=70000 -g app app\n' },
  ],
});

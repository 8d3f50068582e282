import rule from '~/rules/no-empty-continuation';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12\nRUN apt-get update \\\n && apt-get install -y curl\n', 'FROM python:3.12\n\nRUN true\n', 'FROM python:3.12\nRUN <<EOF\necho a\n\necho b\nEOF\n',
    // A line holding only U+FEFF is not blank to the parser: removing it would join the next line to the RUN.
    'FROM python:3.12\nRUN apt-get install -y tini \\\n    \uFEFF\n R /srv\n'],
  invalid: [
    { code: 'FROM python:3.12\nRUN apt-get update \\\n\n && apt-get install -y curl\n', errors: [{ messageId: 'empty', line: 3 }], output: 'FROM python:3.12\nRUN apt-get update \\\n && apt-get install -y curl\n' },
  ],
});

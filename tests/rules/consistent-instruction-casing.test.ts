import rule from '~/rules/consistent-instruction-casing';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12\nRUN true\n', 'from python:3.12\nrun true\n'],
  invalid: [
    { code: 'FROM python:3.12\nrun pip install flask\nCMD ["x"]\n', errors: [{ messageId: 'casing', line: 2, column: 1, endColumn: 4 }], output: 'FROM python:3.12\nRUN pip install flask\nCMD ["x"]\n' },
    { code: 'from python:3.12\nrun true\nCopy a b\n', errors: 1, output: 'from python:3.12\nrun true\ncopy a b\n' },
  ],
});

import rule from '~/rules/multiple-instructions-disallowed';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nCMD ["python"]\n',
    { name: 'one per stage', code: 'FROM python:3.12 AS a\nCMD ["a"]\nFROM python:3.12-slim\nCMD ["b"]\n' },
    { name: 'ENTRYPOINT and CMD together', code: 'FROM python:3.12-slim\nENTRYPOINT ["gunicorn"]\nCMD ["app:app"]\n' },
    { name: 'HEALTHCHECK CMD is not a CMD', code: 'FROM python:3.12-slim\nHEALTHCHECK CMD python -c "1"\nCMD ["python"]\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nCMD ["a"]\nCMD ["b"]\n', errors: [{ messageId: 'multiple', line: 2, column: 1, endColumn: 4, message: /line 3/ }] },
    { code: 'FROM python:3.12-slim\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]\n', errors: 2 },
    { code: 'FROM python:3.12-slim\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n', errors: 1 },
    { name: 'lower case', code: 'from python:3.12-slim\ncmd ["a"]\ncmd ["b"]\n', errors: 1 },
  ],
});

import rule from '~/rules/env-self-reference';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12\nENV A=1\nENV B=$A\n', 'FROM python:3.12\nENV PATH=/venv/bin:$PATH\n', 'FROM python:3.12\nENV A=1 B=2\n'],
  invalid: [
    { code: 'FROM python:3.12\nENV APP=/srv/app PYTHONPATH=$APP/src\n', errors: [{ messageId: 'self', line: 2, column: 29, endColumn: 33 }] },
    { code: 'FROM python:3.12\nENV VENV=/opt/venv PATH="${VENV}/bin:$PATH"\n', errors: 1 },
  ],
});

import rule from '~/rules/pythonpath-trailing-colon';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nENV PYTHONPATH=/app\n',
    { name: 'defined before', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/lib\nENV PYTHONPATH=/app:$PYTHONPATH\n' },
    { name: 'defined in a parent stage', code: 'FROM python:3.12-slim AS base\nENV PYTHONPATH=/lib\nFROM base\nENV PYTHONPATH="/app:${PYTHONPATH}"\n' },
    { name: 'guarded expansion', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app${PYTHONPATH:+:$PYTHONPATH}\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app:$PYTHONPATH\n',
      errors: [{ messageId: 'unset', line: 2, column: 16, endColumn: 32 }],
      output: 'FROM python:3.12-slim\nENV PYTHONPATH=/app\n',
    },
    {
      code: 'FROM python:3.12-slim\nENV PYTHONPATH="${PYTHONPATH}:/app"\n',
      errors: 1,
      output: 'FROM python:3.12-slim\nENV PYTHONPATH="/app"\n',
    },
    { name: 'legacy form', code: 'FROM python:3.12-slim\nENV PYTHONPATH /app:$PYTHONPATH\n', errors: 1, output: 'FROM python:3.12-slim\nENV PYTHONPATH /app\n' },
    { name: 'literal trailing colon', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app:\n', errors: [{ messageId: 'emptyEntry' }] },
  ],
});

import rule from '~/rules/undefined-arg-in-from';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['ARG PY=3.12\nFROM python:${PY}-slim\n', 'FROM --platform=$BUILDPLATFORM python:3.12\n', 'ARG TAG\nFROM python:$TAG\n'],
  invalid: [
    { code: 'FROM python:${PY}-slim\n', errors: [{ messageId: 'undefined', line: 1, column: 13, endColumn: 18 }] },
    { code: 'ARG PYTHON_VERSION=3.12\nFROM python:$PYTHON_VERSON-slim\n', errors: [{ message: /did you mean `PYTHON_VERSION`/ }] },
    { name: 'an ARG inside a stage does not count for FROM', code: 'FROM python:3.12 AS a\nARG BASE=python:3.12\nFROM $BASE\n', errors: 1 },
  ],
});

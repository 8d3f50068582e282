import rule from '~/rules/undefined-arg-in-from';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'ARG PY=3.12\nFROM python:${PY}-slim\n', 'FROM --platform=$BUILDPLATFORM python:3.12\n', 'ARG TAG\nFROM python:$TAG\n',
    // An escaped dollar sign is not an expansion (with the default and a custom escape character).
    'FROM python:3.12 AS \\$stage\n', '# escape=`\nFROM python:3.12 AS `$stage\n',
    { name: 'every name of a multi-name ARG is declared', code: 'ARG REGISTRY PY_TAG=3.12\nFROM ${REGISTRY}python:${PY_TAG}\n' },
  ],
  invalid: [
    { code: 'FROM python:${PY}-slim\n', errors: [{ messageId: 'undefined', line: 1, column: 13, endColumn: 18 }] },
    { code: 'ARG PYTHON_VERSION=3.12\nFROM python:$PYTHON_VERSON-slim\n', errors: [{ message: /did you mean `PYTHON_VERSION`/ }] },
    // BuildKit looks the name up even with a fallback: the build argument can never change the image.
    { code: 'FROM python:${PY:-3.12}-slim\n', errors: [{ messageId: 'guarded', line: 1, column: 13, endColumn: 17 }] },
    { code: 'ARG PYTHON=3.12\nFROM python:${PYTON:-3.12}-slim AS app\n', errors: [{ messageId: 'guarded', message: /did you mean `PYTHON`/ }] },
    { code: 'FROM --platform=$PLATFORM python:3.12\n', errors: [{ messageId: 'undefined', line: 1, column: 17, endColumn: 26 }] },
    { name: 'an ARG inside a stage does not count for FROM', code: 'FROM python:3.12 AS a\nARG BASE=python:3.12\nFROM $BASE\n', errors: 1 },
  ],
});

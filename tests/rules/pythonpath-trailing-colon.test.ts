import rule from '~/rules/pythonpath-trailing-colon';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nENV PYTHONPATH=/app\n',
    { name: 'defined before', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/lib\nENV PYTHONPATH=/app:$PYTHONPATH\n' },
    { name: 'defined in a parent stage', code: 'FROM python:3.12-slim AS base\nENV PYTHONPATH=/lib\nFROM base\nENV PYTHONPATH="/app:${PYTHONPATH}"\n' },
    { name: 'guarded expansion', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app${PYTHONPATH:+:$PYTHONPATH}\n' },
    { name: 'defined by an ARG with a default', code: 'FROM python:3.12-slim\nARG PYTHONPATH=/x\nENV PYTHONPATH=/app:$PYTHONPATH\n' },
    { name: 'defined by a global ARG redeclared in the stage', code: 'ARG PYTHONPATH=/x\nFROM python:3.12-slim\nARG PYTHONPATH\nENV PYTHONPATH=/app:$PYTHONPATH\n' },
    { name: 'ARG without a default (a --build-arg value)', code: 'FROM python:3.12-slim\nARG PYTHONPATH\nENV PYTHONPATH=/app:$PYTHONPATH\n' },
    { name: 'only the reference: no empty entry', code: 'FROM python:3.12-slim\nENV PYTHONPATH=$PYTHONPATH\n' },
    { name: 'a non-empty default', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app:${PYTHONPATH:-/opt/lib}\n' },
    { name: 'another variable that starts with the name', code: 'FROM python:3.12-slim\nARG PYTHONPATH_EXTRA=/x\nENV PYTHONPATH=$PYTHONPATH_EXTRA:/app\n' },
    { name: 'a base image that may set PYTHONPATH itself', code: 'FROM tiangolo/uvicorn-gunicorn:python3.11\nENV PYTHONPATH=/srv:$PYTHONPATH\n' },
    { name: 'a base image from an unset argument', code: 'ARG BASE\nFROM $BASE\nENV PYTHONPATH=/srv:$PYTHONPATH\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app:$PYTHONPATH\n',
      errors: [{ messageId: 'unset', line: 2, column: 16, endColumn: 32, message: /this value ends in an empty entry/ }],
      output: 'FROM python:3.12-slim\nENV PYTHONPATH=/app\n',
    },
    {
      name: 'leading reference: the empty entry is leading',
      code: 'FROM python:3.12-slim\nENV PYTHONPATH="${PYTHONPATH}:/app"\n',
      errors: [{ messageId: 'unset', message: /this value starts with an empty entry/ }],
      output: 'FROM python:3.12-slim\nENV PYTHONPATH="/app"\n',
    },
    {
      name: 'reference in the middle: a doubled colon',
      code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app:$PYTHONPATH:/lib\n',
      errors: [{ messageId: 'unset', message: /between two `:`/ }],
      output: 'FROM python:3.12-slim\nENV PYTHONPATH=/app:/lib\n',
    },
    { name: 'Docker Hub named as index.docker.io', code: 'FROM index.docker.io/library/python:3.12-slim\nENV PYTHONPATH=/app:$PYTHONPATH\n', errors: [{ messageId: 'unset', line: 2, column: 16, endColumn: 32 }], output: 'FROM index.docker.io/library/python:3.12-slim\nENV PYTHONPATH=/app\n' },
    { name: 'legacy form', code: 'FROM python:3.12-slim\nENV PYTHONPATH /app:$PYTHONPATH\n', errors: 1, output: 'FROM python:3.12-slim\nENV PYTHONPATH /app\n' },
    { name: 'ARG with an empty default', code: 'FROM python:3.12-slim\nARG PYTHONPATH=\nENV PYTHONPATH=/app:$PYTHONPATH\n', errors: [{ messageId: 'unset' }], output: 'FROM python:3.12-slim\nARG PYTHONPATH=\nENV PYTHONPATH=/app\n' },
    { name: 'ARG declared after the ENV does not count', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app:$PYTHONPATH\nARG PYTHONPATH=/x\n', errors: 1, output: 'FROM python:3.12-slim\nENV PYTHONPATH=/app\nARG PYTHONPATH=/x\n' },
    { name: 'global ARG not redeclared in the stage', code: 'ARG PYTHONPATH=/x\nFROM python:3.12-slim\nENV PYTHONPATH=/app:$PYTHONPATH\n', errors: 1, output: 'ARG PYTHONPATH=/x\nFROM python:3.12-slim\nENV PYTHONPATH=/app\n' },
    { name: 'literal trailing colon', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app:\n', errors: [{ messageId: 'emptyEntry', message: /ends in an empty entry/ }] },
    { name: 'literal leading colon', code: 'FROM python:3.12-slim\nENV PYTHONPATH=:/app\n', errors: [{ messageId: 'emptyEntry', message: /starts with an empty entry/ }] },
    {
      name: 'an empty default is no guard',
      code: 'FROM python:3.12-slim\nENV PYTHONPATH="${PYTHONPATH:-}:/workspace"\n',
      errors: [{ messageId: 'unset', line: 2, column: 16, endColumn: 44, message: /starts with an empty entry/ }],
      output: 'FROM python:3.12-slim\nENV PYTHONPATH="/workspace"\n',
    },
    { name: 'distroless sets no PYTHONPATH', code: 'FROM gcr.io/distroless/python3-debian12\nENV PYTHONPATH=/app:$PYTHONPATH\n', errors: [{ messageId: 'unset', line: 2, column: 16, endColumn: 32 }], output: 'FROM gcr.io/distroless/python3-debian12\nENV PYTHONPATH=/app\n' },
    { name: 'a stage of an unknown base still gets the empty entry written out', code: 'FROM mycompany/base:1\nENV PYTHONPATH=/app:\n', errors: [{ messageId: 'emptyEntry', line: 2, column: 16, endColumn: 21 }] },
  ],
});

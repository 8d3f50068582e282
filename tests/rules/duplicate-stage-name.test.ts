import rule from '~/rules/duplicate-stage-name';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim AS build\nFROM python:3.12-slim AS app\n',
    { name: 'unnamed stages', code: 'FROM python:3.12-slim\nFROM python:3.12-slim\n' },
    { name: 'a stage built FROM another', code: 'FROM python:3.12-slim AS base\nFROM base AS app\n' },
  ],
  invalid: [
    {
      code: df`
        FROM python:3.12-slim AS build
        RUN pip wheel --wheel-dir /wheels flask==3.0.3
        FROM node:22-slim AS build
        RUN npm ci
      `,
      errors: [{ messageId: 'duplicate', line: 3, column: 22, endColumn: 27, message: /already used on line 1/ }],
    },
    {
      name: 'different casing',
      code: 'FROM python:3.12-slim AS Build\nFROM python:3.12-slim as build\n',
      errors: [{ line: 2, column: 26, message: /^The stage name `build`/ }],
    },
    {
      name: 'three times',
      code: 'FROM python:3.12-slim AS x\nFROM python:3.12-slim AS x\nFROM python:3.12-slim AS x\n',
      errors: [{ line: 2 }, { line: 3, message: /line 1/ }],
    },
  ],
});

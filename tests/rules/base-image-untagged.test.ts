import rule from '~/rules/base-image-untagged';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\n',
    { name: 'digest only', code: 'FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'previous stage', code: 'FROM python:3.12-slim AS base\nFROM base\n' },
    { name: 'previous stage, other casing', code: 'FROM python:3.12-slim AS Base\nFROM base\n' },
    { name: 'ARG default with a tag', code: 'ARG BASE=python:3.12-slim\nFROM $BASE\n' },
    { name: 'tag from an ARG', code: 'ARG PY=3.12\nFROM python:${PY}-slim\n' },
    { name: 'ARG without a default', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'a variable at the end of the name may carry the tag', code: 'ARG SUFFIX\nFROM python${SUFFIX}\n' },
    { name: 'registry with a port and a tag', code: 'FROM localhost:5000/python:3.12-slim\n' },
    { name: 'latest is another rule', code: 'FROM python:latest\n' },
  ],
  invalid: [
    {
      code: 'FROM python\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endColumn: 12, message: /`python` has no tag, so Docker pulls `python:latest`/ }],
    },
    {
      name: 'with a stage name and platform',
      code: 'FROM --platform=$BUILDPLATFORM python AS build\n',
      errors: [{ line: 1, column: 32, endColumn: 38 }],
    },
    {
      name: 'registry with a port',
      code: 'FROM localhost:5000/python\n',
      errors: [{ message: /`localhost:5000\/python` has no tag/ }],
    },
    {
      name: 'ARG default without a tag',
      code: 'ARG BASE=python\nFROM $BASE\n',
      errors: [{ line: 2, column: 6, endColumn: 11, message: /`python` has no tag/ }],
    },
    {
      name: 'a stage defined later is an image, not a stage',
      code: df`
        FROM builder
        FROM python:3.12-slim AS builder
      `,
      errors: [{ line: 1 }],
    },
    {
      name: 'lower-case instruction',
      code: 'from ghcr.io/astral-sh/uv as uv\n',
      errors: [{ line: 1, column: 6, endColumn: 26 }],
    },
  ],
});

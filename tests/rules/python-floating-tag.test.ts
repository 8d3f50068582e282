import rule from '~/rules/python-floating-tag';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\n',
    'FROM python:3.12.4\n',
    { name: 'digest', code: 'FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'floating tag with digest', code: 'FROM python:3-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'not python', code: 'FROM debian:stable\n' },
    { name: 'variable', code: 'ARG TAG\nFROM python:$TAG\n' },
  ],
  invalid: [
    { code: 'FROM python:3\n', errors: [{ messageId: 'floating', line: 1, column: 13, endColumn: 14 }] },
    { code: 'FROM python:3-slim AS build\n', errors: [{ column: 13, endColumn: 19 }] },
    { code: 'FROM python:slim\n', errors: 1 },
    { code: 'FROM python:latest\n', errors: 1 },
    { name: 'no tag at all', code: 'FROM python\n', errors: [{ column: 6, endColumn: 12 }] },
    { name: 'docker.io path', code: 'FROM docker.io/library/python:3-alpine\n', errors: 1 },
    { name: 'ARG default', code: 'ARG PY=3\nFROM python:${PY}-slim\n', errors: 1 },
  ],
});

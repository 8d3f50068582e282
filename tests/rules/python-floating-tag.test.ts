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
    { name: 'python:2 is 2.7 for good', code: 'FROM python:2\nFROM python:2-slim\n' },
    { name: 'a devcontainer tag starts with the image version', code: 'FROM mcr.microsoft.com/devcontainers/python:1-3.12-bookworm\n' },
    { name: 'latest: base-image-latest reports that tag already', code: 'FROM python:latest\nFROM cgr.dev/chainguard/python:latest\n' },
    { name: 'no tag: base-image-untagged reports that already', code: 'FROM python\n' },
  ],
  invalid: [
    { code: 'FROM python:3\n', errors: [{ messageId: 'floating', line: 1, column: 13, endColumn: 14, message: /Pin it, e\.g\. `python:3\.12`\.$/ }] },
    { name: 'the example keeps the variant', code: 'FROM python:3-alpine3.20\n', errors: [{ column: 13, endColumn: 25, message: /e\.g\. `python:3\.12-alpine3\.20`/ }] },
    { name: 'pypy', code: 'FROM pypy:3-slim\n', errors: [{ message: /`pypy:3-slim` does not pin .* e\.g\. `pypy:3\.10-slim`/ }] },
    { code: 'FROM python:3-slim AS build\n', errors: [{ column: 13, endColumn: 19 }] },
    { code: 'FROM python:slim\n', errors: [{ message: /e\.g\. `python:3\.12-slim`/ }] },
    { name: 'the example keeps the registry and repository', code: 'FROM cgr.dev/chainguard/python:latest-dev AS builder\n', errors: [{ line: 1, column: 32, endColumn: 42, message: /e\.g\. `cgr\.dev\/chainguard\/python:3\.12-dev`\.$/ }] },
    { name: 'docker.io path', code: 'FROM docker.io/library/python:3-alpine\n', errors: [{ message: /e\.g\. `docker\.io\/library\/python:3\.12-alpine`/ }] },
    { name: 'ARG default', code: 'ARG PY=3\nFROM python:${PY}-slim\n', errors: [{ column: 13, endColumn: 23, message: /e\.g\. `python:3\.12-slim`/ }] },
  ],
});

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
      name: 'a distroless image: no version tag exists to name, a digest and the Debian release are the advice',
      code: 'FROM python:3.11-slim AS build\nFROM gcr.io/distroless/python3\n',
      errors: [{ messageId: 'untaggedDistroless', line: 2, column: 6, endColumn: 31, message: /publish no version tags: pin a digest \(`gcr\.io\/distroless\/python3@sha256:…`\).*name the Debian release in the image \(`gcr\.io\/distroless\/python3-debian12`\)/ }],
    },
    {
      name: 'a free Chainguard image: only latest and latest-dev exist, a digest is the advice',
      code: 'FROM cgr.dev/chainguard/python\n',
      errors: [{ messageId: 'untaggedChainguard', line: 1, column: 6, endColumn: 31, message: /Chainguard's free images publish only `latest` and `latest-dev`, no version tags: pin a digest \(`cgr\.dev\/chainguard\/python@sha256:…`\)/ }],
    },
    {
      name: 'a distroless image that names its Debian release',
      code: 'FROM gcr.io/distroless/python3-debian12\n',
      errors: [{ messageId: 'untaggedDistroless', line: 1, column: 6, endColumn: 40, message: /pin a digest \(`gcr\.io\/distroless\/python3-debian12@sha256:…`\) and let Renovate or Dependabot update it\.$/ }],
    },
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

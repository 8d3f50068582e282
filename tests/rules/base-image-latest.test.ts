import rule from '~/rules/base-image-latest';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\n',
    { name: 'untagged is another rule', code: 'FROM python\n' },
    { name: 'latest pinned by a digest', code: 'FROM python:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'stage named latest', code: 'FROM python:3.12-slim AS latest\nFROM latest\n' },
    { name: 'a tag that contains latest', code: 'FROM example/app:latest-3.12\n' },
    { name: 'unresolved tag', code: 'ARG TAG\nFROM python:${TAG}\n' },
  ],
  invalid: [
    {
      name: 'a distroless image: no version tag exists to name',
      code: 'FROM gcr.io/distroless/python3:latest\n',
      errors: [{ messageId: 'latestDistroless', line: 1, column: 32, endColumn: 38, message: /publish no version tags: pin a digest \(`gcr\.io\/distroless\/python3@sha256:…`\).*\(`gcr\.io\/distroless\/python3-debian12`\)/ }],
    },
    {
      name: 'a free Chainguard image (Flagsmith: cgr.dev/chainguard/wolfi-base:latest): only latest exists, a digest is the advice',
      code: 'FROM cgr.dev/chainguard/wolfi-base:latest AS wolfi-base\n',
      errors: [{ messageId: 'latestChainguard', line: 1, column: 36, endColumn: 42, message: /publish only `latest` and `latest-dev`, no version tags: pin a digest \(`cgr\.dev\/chainguard\/wolfi-base@sha256:…`\)/ }],
    },
    {
      name: 'a paying organisation\'s Chainguard image has version tags',
      code: 'FROM cgr.dev/example.com/python:latest\n',
      errors: [{ messageId: 'latest', line: 1, column: 33, endColumn: 39 }],
    },
    {
      code: 'FROM python:latest\n',
      errors: [{ messageId: 'latest', line: 1, column: 13, endColumn: 19, message: /^`python:latest` changes/ }],
    },
    {
      name: 'registry image',
      code: 'FROM ghcr.io/astral-sh/uv:latest AS uv\nFROM python:3.12-slim\n',
      errors: [{ line: 1, column: 27, endColumn: 33 }],
    },
    {
      name: 'tag from an ARG default',
      code: 'ARG TAG=latest\nFROM python:$TAG\n',
      errors: [{ line: 2, column: 6, endColumn: 17 }],
    },
    {
      name: 'builder stage too',
      code: 'FROM node:latest AS assets\nFROM python:3.12-slim\n',
      errors: [{ line: 1 }],
    },
  ],
});

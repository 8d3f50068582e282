import rule from '~/rules/untrusted-registry';
import { df, ruleTester } from '../support/rule-tester';

const settings = { settings: { trustedRegistries: ['registry.example.com', '*.gcr.io'] } };
const hub = { settings: { trustedRegistries: ['docker.io'] } };

ruleTester.run(rule, {
  valid: [
    { name: 'no list configured: nothing to enforce', code: 'FROM ghcr.io/astral-sh/uv:0.4.18\n' },
    { name: 'empty list', code: 'FROM ghcr.io/astral-sh/uv:0.4.18\n', options: { settings: { trustedRegistries: [] } } },
    { name: 'trusted registry', code: 'FROM registry.example.com/python:3.12-slim\n', options: settings },
    { name: 'glob', code: 'FROM eu.gcr.io/distroless/python3-debian12:nonroot\n', options: settings },
    { name: 'Docker Hub trusted as docker.io', code: 'FROM python:3.12-slim\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n', options: hub },
    { name: 'Docker Hub alias in the list', code: 'FROM docker.io/library/python:3.12-slim\n', options: { settings: { trustedRegistries: ['hub.docker.com'] } } },
    { name: 'scratch and stages', code: 'FROM scratch AS empty\nFROM registry.example.com/python:3.12-slim AS base\nFROM base\nCOPY --from=empty / /\n', options: settings },
    { name: 'unresolved registry variable', code: 'ARG REGISTRY\nFROM ${REGISTRY}/python:3.12-slim\n', options: settings },
    { name: 'whole image as an unresolved variable', code: 'ARG BASE\nFROM $BASE\n', options: settings },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\n',
      options: settings,
      errors: [{ messageId: 'untrusted', line: 1, column: 6, endColumn: 12, message: /^`python:3\.12-slim` comes from `docker\.io`, which is not a trusted registry \(`registry\.example\.com`, `\*\.gcr\.io`\)/ }],
    },
    {
      name: 'registry range',
      code: 'FROM ghcr.io/astral-sh/uv:0.4.18 AS uv\n',
      options: settings,
      errors: [{ column: 6, endColumn: 13, message: /`ghcr\.io`/ }],
    },
    {
      name: 'glob does not match the bare domain',
      code: 'FROM gcr.io/distroless/python3-debian12\n',
      options: settings,
      errors: 1,
    },
    {
      name: 'resolved from an ARG default',
      code: 'ARG REGISTRY=quay.io\nFROM ${REGISTRY}/org/python:3.12\n',
      options: settings,
      errors: [{ line: 2, message: /`quay\.io`/ }],
    },
    {
      name: 'COPY --from and RUN --mount images',
      code: df`
        FROM registry.example.com/python:3.12-slim
        COPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /bin/
        RUN --mount=from=busybox:1.36,source=/bin/busybox,target=/bb /bb true
      `,
      options: settings,
      errors: [{ line: 2, column: 13 }, { line: 3, message: /`busybox:1\.36` comes from `docker\.io`/ }],
    },
  ],
});

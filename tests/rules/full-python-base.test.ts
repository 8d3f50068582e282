import { expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/full-python-base';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\n',
    'FROM python:3.12-alpine\n',
    { name: 'a Docker Hardened Image is a minimal runtime despite its bare tag', code: 'FROM dhi.io/python:3.11.15-dev AS builder\nFROM dhi.io/python:3.11.15\nCMD ["python", "app.py"]\n' },
    { name: 'the last stage is the development image', code: 'FROM python:3.12-slim AS production\nCMD ["gunicorn", "app:app"]\nFROM python:3.12 AS development\nCMD ["flask", "run", "--debug"]\n' },
    { name: 'builder stage on the full image', code: df`
      FROM python:3.12 AS build
      RUN pip wheel -w /w numpy
      FROM python:3.12-slim
      COPY --from=build /w /w` },
    { name: 'distroless', code: 'FROM gcr.io/distroless/python3-debian12\n' },
    { name: 'not python', code: 'FROM debian:bookworm\n' },
    { name: 'images named python without a slim variant', code: 'FROM cimg/python:3.12\n' },
    { name: 'AWS Lambda', code: 'FROM public.ecr.aws/lambda/python:3.12\n' },
    { name: 'bitnami', code: 'FROM bitnami/python:3.12\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\n', errors: [{ messageId: 'full', line: 1, column: 6, endColumn: 17 }] },
    { code: 'FROM python:3.12-bookworm\n', errors: 1 },
    { name: 'the official image through its full name', code: 'FROM docker.io/library/python:3.12\n', errors: [{ line: 1, column: 6, endColumn: 35 }] },
    { name: 'a mirror of the official image', code: 'FROM public.ecr.aws/docker/library/python:3.12-bookworm\n', errors: 1 },
    { name: 'pinned by digest: no suggestion, the digest names the full image', code: 'FROM python:3.12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', errors: [{ line: 1, column: 6, endColumn: 89 }] },
    { name: 'through a parent stage', code: 'FROM python:3.11 AS base\nFROM base\nUSER 1000\n', errors: [{ line: 1 }] },
    { name: 'seed article pattern', code: df`
      FROM python:3.10 AS builder
      RUN pip install --no-cache-dir torch
      FROM python:3.10
      COPY --from=builder /usr/local/lib/python3.10/site-packages /usr/local/lib/python3.10/site-packages`, errors: [{ line: 3 }] },
  ],
});

it('offers no `-slim` suggestion for a tag pinned by digest: the digest still names the full image', () => {
  const { findings } = lintWith([rule], 'FROM python:3.12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n');
  expect(findings).toHaveLength(1);
  expect(findings[0]!.suggestions ?? []).toEqual([]);
  const plain = lintWith([rule], 'FROM python:3.12-bookworm\n').findings[0]!;
  expect(plain.suggestions?.[0]?.title).toBe('Use `python:3.12-slim-bookworm`');
});

import rule from '~/rules/full-python-base';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\n',
    'FROM python:3.12-alpine\n',
    { name: 'builder stage on the full image', code: df`
      FROM python:3.12 AS build
      RUN pip wheel -w /w numpy
      FROM python:3.12-slim
      COPY --from=build /w /w` },
    { name: 'distroless', code: 'FROM gcr.io/distroless/python3-debian12\n' },
    { name: 'not python', code: 'FROM debian:bookworm\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\n', errors: [{ messageId: 'full', line: 1, column: 6, endColumn: 17 }] },
    { code: 'FROM python:3.12-bookworm\n', errors: 1 },
    { name: 'through a parent stage', code: 'FROM python:3.11 AS base\nFROM base\nUSER 1000\n', errors: [{ line: 1 }] },
    { name: 'seed article pattern', code: df`
      FROM python:3.10 AS builder
      RUN pip install --no-cache-dir torch
      FROM python:3.10
      COPY --from=builder /usr/local/lib/python3.10/site-packages /usr/local/lib/python3.10/site-packages`, errors: [{ line: 3 }] },
  ],
});

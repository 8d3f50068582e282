import { expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/apt-lists-not-removed';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    { name: 'a glob over the list files', code: 'FROM python:3.12-slim\nRUN set -ex; apt-get update; apt-get install -y --no-install-recommends curl; rm -rf /var/lib/apt/lists/partial /var/lib/apt/lists/*_*\n' },
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'rm -fr of the directory', code: 'FROM python:3.12-slim\nRUN apt-get update; apt-get install -y curl; rm -fr /var/lib/apt/lists\n' },
    { name: 'apt-get dist-clean', code: 'FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n' },
    { name: 'find -delete', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -type f -delete\n' },
    { name: 'cache mount on the lists', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y curl\n' },
    { name: 'cache mount on /var/lib/apt', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n' },
    { name: 'tmpfs mount', code: 'FROM python:3.12-slim\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    {
      name: 'a builder stage does not ship',
      code: df`
        FROM python:3.12-slim AS build
        RUN apt-get update && apt-get install -y build-essential
        RUN pip wheel --wheel-dir /wheels psycopg
        FROM python:3.12-slim
        COPY --from=build /wheels /wheels
      `,
    },
    {
      name: 'the built target decides what ships',
      code: 'FROM python:3.12-slim AS app\nRUN pip install flask\nFROM app AS debug\nRUN apt-get update && apt-get install -y gdb\n',
      options: { target: 'app' },
    },
    { name: 'heredoc with cleanup', code: 'FROM python:3.12-slim\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n' },
    { name: 'install without update', code: 'FROM python:3.12-slim\nRUN apt-get install -y ./local.deb\n' },
  ],
  invalid: [
    {
      name: 'a misspelled lists path (litestar-fullstack: rm -rf /var/apt/lists/*) is named, with a suggestion that corrects it',
      code: 'FROM python:3.12-slim\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends git tini \\\n  && rm -rf /var/apt/lists/*\n',
      errors: [{ messageId: 'listsPathWrong', line: 2, column: 5, endColumn: 19, message: /`rm \/var\/apt\/lists\/\*` misses them, since apt keeps its lists in `\/var\/lib\/apt\/lists`/ }],
    },
    {
      name: 'list for lists',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/list/*\n',
      errors: [{ messageId: 'listsPathWrong', line: 2, column: 5, endColumn: 19 }],
    },
    {
      name: 'removing only the partial downloads keeps the lists',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/partial\n',
      errors: [{ messageId: 'listsKept', line: 2, column: 5, endColumn: 19 }],
    },
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ messageId: 'listsKept', line: 2, column: 5, endColumn: 19 }],
      output: null,
      onbuild: true,
    },
    {
      name: 'a parent stage of the final stage ships',
      code: df`
        FROM python:3.12-slim AS base
        RUN apt-get update && apt-get install -y libpq5
        FROM base
        COPY . /app
      `,
      errors: [{ line: 2 }],
    },
    {
      name: 'removed in a later RUN is too late',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'cleanup of the archives only',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && apt-get clean\n',
      errors: 1,
    },
    {
      name: 'cache mount on /var/cache/apt only',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n',
      errors: 1,
    },
    {
      name: 'apt update and heredoc',
      code: 'FROM python:3.12-slim\nRUN <<EOF\napt update\napt install -y curl\nEOF\n',
      errors: [{ line: 3, column: 1, endColumn: 11, message: /^`apt update` downloads/ }],
    },
  ],
});

it('suggests appending the cleanup to a simple chain', () => {
  const code = 'FROM python:3.12-slim\nRUN apt-get update \\\n    && apt-get install -y curl\n';
  const { findings } = lintWith([rule], code);
  expect(applyFixes(code, findings, { unsafe: true }).text).toBe('FROM python:3.12-slim\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n');
});

it('offers no suggestion where appending could change the meaning', () => {
  for (const code of [
    'FROM python:3.12-slim\nRUN apt-get update || true\n',
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl # tools\n',
    'FROM python:3.12-slim\nRUN if true; then apt-get update; fi\n',
  ]) {
    const { findings } = lintWith([rule], code);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.suggestions ?? []).toEqual([]);
  }
});

it('corrects a misspelled lists path in place', () => {
  const code = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/apt/lists/*\n';
  const [finding] = lintWith([rule], code).findings;
  const edit = finding!.suggestions![0]!.edits[0]!;
  expect(code.slice(0, edit.start) + edit.text + code.slice(edit.end)).toBe('FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
});

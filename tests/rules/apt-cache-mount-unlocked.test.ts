import { expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/apt-cache-mount-unlocked';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update\n',
    { name: 'private is exclusive too', code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt,sharing=private apt-get update\n' },
    { name: 'pip cache may be shared', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'other cache under /var/cache', code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/debconf apt-get update\n' },
    { name: 'bind mount of apt lists', code: 'FROM debian:bookworm\nRUN --mount=type=bind,from=lists,source=/var/lib/apt,target=/var/lib/apt apt-get install -y curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt apt-get update\n',
      errors: [{ messageId: 'unlocked', line: 2, column: 13, endColumn: 45 }],
      output: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update\n',
    },
    {
      code: 'FROM debian:bookworm\nRUN --mount=type=cache,sharing=shared,target=/var/lib/apt apt-get update\n',
      errors: 1,
      output: 'FROM debian:bookworm\nRUN --mount=type=cache,sharing=locked,target=/var/lib/apt apt-get update\n',
    },
    {
      name: 'a quoted mount value: inside the quotes',
      code: 'FROM debian:bookworm\nRUN --mount="type=cache,target=/var/cache/apt" apt-get update\n',
      errors: [{ line: 2, column: 14, endColumn: 46 }],
      output: 'FROM debian:bookworm\nRUN --mount="type=cache,target=/var/cache/apt,sharing=locked" apt-get update\n',
    },
    {
      name: 'two mounts',
      code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt \\\n    --mount=type=cache,target=/var/lib/apt \\\n    apt-get update\n',
      errors: 2,
      output: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update\n',
    },
    {
      name: 'archives subdirectory, lower-case run',
      code: 'FROM debian:bookworm\nrun --mount=type=cache,target=/var/cache/apt/archives apt-get install -y curl\n',
      errors: [{ line: 2, column: 13, endColumn: 54, message: /`\/var\/cache\/apt\/archives`/ }],
      output: 'FROM debian:bookworm\nrun --mount=type=cache,target=/var/cache/apt/archives,sharing=locked apt-get install -y curl\n',
    },
    {
      name: 'a slash typed for the comma: the option is part of the target, the comma is put back',
      code: 'FROM ubuntu:24.04\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt/sharing=locked apt-get update\n',
      errors: [{ messageId: 'missingComma', line: 3, column: 31, endColumn: 58, message: /`\/var\/lib\/apt\/sharing=locked` ends in `sharing=locked`: a comma is missing/ }],
    },
    {
      name: 'with id and a trailing slash',
      code: 'FROM ubuntu:24.04\nRUN --mount=type=cache,id=apt,target=/var/lib/apt/ apt-get update\n',
      errors: 1,
      output: 'FROM ubuntu:24.04\nRUN --mount=type=cache,id=apt,target=/var/lib/apt/,sharing=locked apt-get update\n',
      onbuild: true,
    },
  ],
});

it('puts the comma back as a suggestion, which then locks the apt directory', () => {
  const text = 'FROM ubuntu:24.04\nRUN --mount=type=cache,target=/var/lib/apt/sharing=locked apt-get update\n';
  const [f] = lintWith([rule], text).findings;
  expect(f!.fix).toBeUndefined();
  const edit = f!.suggestions?.[0]?.edits[0];
  const fixed = text.slice(0, edit!.start) + edit!.text + text.slice(edit!.end);
  expect(fixed).toBe('FROM ubuntu:24.04\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update\n');
  expect(lintWith([rule], fixed).findings).toEqual([]);
});

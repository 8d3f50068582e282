import { expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/add-instead-of-copy';
import { ruleTester } from '../support/rule-tester';

const py = (line: string) => `FROM python:3.12-slim\n${line}\n`;

ruleTester.run(rule, {
  valid: [
    py('COPY . /app'),
    { name: 'URL', code: py('ADD https://example.com/tool /usr/local/bin/tool') },
    { name: 'URL with --checksum', code: py('ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /usr/local/bin/tool') },
    { name: 'Git repository', code: py('ADD https://github.com/org/repo.git#v1.0 /src') },
    { name: 'Git over ssh with --keep-git-dir', code: py('ADD --keep-git-dir=true git@github.com:org/repo.git /src') },
    { name: 'local archive to extract', code: py('ADD vendor.tar.gz /opt/vendor/') },
    { name: 'variable URL', code: py('ARG TOOL_URL=https://example.com/tool\nADD $TOOL_URL /usr/local/bin/tool') },
    { name: 'unresolved variable', code: py('ADD $SRC /dst') },
  ],
  invalid: [
    {
      code: py('ADD . /app'),
      errors: [{ messageId: 'useCopy', line: 2, column: 1, endColumn: 4 }],
      output: null,
    },
    {
      name: 'several files, flags',
      code: py('ADD --chown=10001 --link requirements.txt pyproject.toml /app/'),
      errors: [{ line: 2, column: 1 }],
    },
    {
      name: 'a local file next to a URL',
      code: py('ADD https://example.com/a.txt b.txt /data/'),
      errors: 1,
    },
    {
      name: 'exec form',
      code: py('ADD ["requirements.txt", "/app/"]'),
      errors: 1,
    },
    {
      name: 'heredoc',
      code: 'FROM python:3.12-slim\nADD <<EOF /app/config.ini\n[app]\ndebug = false\nEOF\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'lower-case instruction and ONBUILD',
      code: 'FROM python:3.12-slim\nONBUILD add . /app\n',
      errors: [{ line: 2, column: 9, endColumn: 12 }],
    },
  ],
});

it('suggests COPY, keeping the case', () => {
  for (const [code, expected] of [
    [py('ADD . /app'), py('COPY . /app')],
    ['FROM python:3.12-slim\nadd . /app\n', 'FROM python:3.12-slim\ncopy . /app\n'],
  ] as const) {
    const { findings } = lintWith([rule], code);
    expect(applyFixes(code, findings, { unsafe: true }).text).toBe(expected);
  }
});

import { expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/apt-instead-of-apt-get';
import { ruleTester } from '../support/rule-tester';

const py = (run: string) => `FROM python:3.12-slim\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    py('RUN apt-get update && apt-get install -y --no-install-recommends curl'),
    { name: 'apt-cache', code: py('RUN apt-cache policy curl') },
    { name: 'apt as a package or an argument', code: py('RUN apt-get install -y apt-transport-https && echo apt') },
    { name: 'apt-key and apt-mark are other programs', code: py('RUN apt-mark hold libpq5') },
  ],
  invalid: [
    {
      code: py('RUN apt update && apt install -y curl'),
      errors: [{ messageId: 'apt', line: 2, column: 5, endColumn: 8, message: /Use `apt-get update`\./ }, { messageId: 'apt', column: 19, endColumn: 22 }],
      output: null,
      onbuild: true,
    },
    { name: 'query', code: py('RUN apt show curl'), errors: [{ messageId: 'query', message: /`apt-cache show`/ }] },
    { name: 'list has no apt-get twin', code: py('RUN apt list --installed'), errors: [{ messageId: 'other' }] },
    { name: 'heredoc and sh -c', code: "FROM python:3.12-slim\nRUN <<EOF\napt install -y git\nsh -c 'apt purge -y git'\nEOF\n", errors: [{ line: 3, column: 1 }, { line: 4, column: 8 }] },
  ],
});

it('suggests the apt-get equivalent', () => {
  const cases: Array<[string, string]> = [
    [py('RUN apt update && apt install -y curl'), py('RUN apt-get update && apt-get install -y curl')],
    [py('RUN apt upgrade -y'), py('RUN apt-get upgrade --with-new-pkgs -y')],
    [py('RUN apt full-upgrade -y'), py('RUN apt-get dist-upgrade -y')],
    [py('RUN /usr/bin/apt install -y curl'), py('RUN /usr/bin/apt-get install -y curl')],
    [py('RUN ["apt", "upgrade", "-y"]'), py('RUN ["apt-get", "upgrade", "--with-new-pkgs", "-y"]')],
  ];
  for (const [code, expected] of cases) {
    const { findings } = lintWith([rule], code);
    expect(findings.every((f) => !f.fix)).toBe(true);
    let text = code;
    for (let i = 0; i < 3; i++) text = applyFixes(text, lintWith([rule], text).findings, { unsafe: true }).text;
    expect(text).toBe(expected);
  }
});

import { expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/apt-get-missing-no-install-recommends';
import { df, ruleTester } from '../support/rule-tester';

const py = (run: string) => `FROM python:3.12-slim\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    { name: 'the option in a build argument', code: py('ARG APT_OPTS="-y --no-install-recommends"\nRUN apt-get install $APT_OPTS libpq5') },
    py('RUN apt-get update && apt-get install -y --no-install-recommends libpq5'),
    { name: 'after the packages', code: py('RUN apt-get install -y libpq5 --no-install-recommends') },
    { name: '-o APT::Install-Recommends=false', code: py('RUN apt-get -o APT::Install-Recommends=false install -y libpq5') },
    { name: '--option=APT::Install-Recommends=0', code: py('RUN apt-get install -y --option=APT::Install-Recommends=0 libpq5') },
    { name: 'apt configuration with escaped double quotes', code: py('RUN echo "APT::Install-Recommends \\"0\\";" > /etc/apt/apt.conf.d/80recommends\nRUN apt-get install -y libpq5') },
    {
      name: 'apt configuration written earlier',
      code: df`
        FROM python:3.12-slim
        RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99no-recommends
        RUN apt-get update && apt-get install -y libpq5
      `,
    },
    {
      name: 'apt configuration from a COPY heredoc, inherited',
      code: df`
        FROM python:3.12-slim AS base
        COPY <<EOF /etc/apt/apt.conf.d/99no-recommends
        APT::Install-Recommends "0";
        EOF
        FROM base
        RUN apt-get install -y libpq5
      `,
    },
    { name: 'apt configuration copied from the context', code: 'FROM python:3.12-slim\nCOPY apt/99local /etc/apt/apt.conf.d/\nRUN apt-get install -y libpq5\n' },
    { name: 'apt-get update alone', code: py('RUN apt-get update') },
    { name: 'install with nothing named', code: py('RUN apt-get install -y -f') },
  ],
  invalid: [
    {
      name: 'a variable that holds only -y',
      code: py('ARG APT_OPTS=-y\nRUN apt-get install $APT_OPTS libpq5'),
      errors: [{ messageId: 'recommends', line: 3, column: 5, endColumn: 20 }],
    },
    {
      code: py('RUN apt-get update && apt-get install -y libpq5'),
      errors: [{ messageId: 'recommends', line: 2, column: 23, endColumn: 38 }],
      onbuild: true,
    },
    {
      name: 'apt install in sh -c',
      code: py("RUN sh -c 'apt install -y git'"),
      errors: [{ column: 12, message: /^`apt install` also installs/ }],
    },
    {
      name: 'APT::Install-Recommends=true is not off',
      code: py('RUN apt-get -o APT::Install-Recommends=true install -y git'),
      errors: 1,
    },
    {
      name: 'heredoc',
      code: 'FROM python:3.12-slim\nRUN <<EOF\napt-get update\napt-get install -y git\nEOF\n',
      errors: [{ line: 4, column: 1, endColumn: 16 }],
    },
    {
      name: 'a COPY heredoc that sets something else',
      code: 'FROM python:3.12-slim\nCOPY <<EOF /etc/apt/apt.conf.d/90proxy\nAcquire::http::Proxy "http://proxy:3142";\nEOF\nRUN apt-get install -y git\n',
      errors: [{ line: 5 }],
    },
  ],
});

it('suggests the flag, in shell and exec form', () => {
  for (const [code, expected] of [
    [py('RUN apt-get install -y git'), py('RUN apt-get install --no-install-recommends -y git')],
    [py('RUN ["apt-get", "install", "-y", "git"]'), py('RUN ["apt-get", "install", "--no-install-recommends", "-y", "git"]')],
  ] as const) {
    const { findings } = lintWith([rule], code);
    expect(findings[0]!.fix).toBeUndefined();
    expect(applyFixes(code, findings, { unsafe: true }).text).toBe(expected);
  }
});

import rule from '~/rules/zypper-dist-upgrade';
import { df, ruleTester } from '../support/rule-tester';

const suse = (run: string) => `FROM opensuse/leap:15.6\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    suse('RUN zypper --non-interactive patch && zypper clean --all'),
    { name: 'zypper update', code: suse('RUN zypper -n update && zypper clean --all') },
    { name: 'apt-get dist-upgrade is another tool', code: 'FROM debian:bookworm\nRUN apt-get dist-upgrade -y\n' },
    { name: 'dup as a package name', code: suse('RUN zypper -n install dup') },
    { name: 'a word that is not a command', code: suse('RUN echo zypper dup') },
    { name: 'Tumbleweed is a rolling release: dup is how it updates', code: 'FROM opensuse/tumbleweed\nRUN zypper -n dup && zypper clean --all\n' },
    { name: 'Tumbleweed with a registry and tag', code: 'FROM registry.opensuse.org/opensuse/tumbleweed:latest\nRUN zypper -n dist-upgrade\n' },
    {
      name: 'Tumbleweed inherited through a parent stage',
      code: df`
        FROM opensuse/tumbleweed AS base
        FROM base
        RUN zypper -n dup
      `,
    },
  ],
  invalid: [
    {
      code: suse('RUN zypper --non-interactive dist-upgrade'),
      errors: [{ messageId: 'distUpgrade', line: 2, column: 5, endColumn: 42, message: /^`zypper dist-upgrade` upgrades the whole system/ }],
      onbuild: true,
    },
    {
      name: 'dup, after && on a continuation line',
      code: suse('RUN zypper -n refresh \\\n    && zypper -n dup --allow-vendor-change \\\n    && zypper clean --all'),
      errors: [{ line: 3, column: 8, endColumn: 21, message: /^`zypper dup`/ }],
    },
    {
      name: 'exec form, sh -c, heredoc, sudo, lower-case run',
      code: suse('RUN ["zypper", "-n", "dup"]\nRUN sh -c "zypper -n dup"\nrun <<EOF\nsudo zypper -n dup\nEOF'),
      errors: [{ line: 2, column: 6, endColumn: 27 }, { line: 3, column: 12, endColumn: 25 }, { line: 5, column: 6, endColumn: 19 }],
    },
    {
      name: 'SLE base image',
      code: 'FROM registry.suse.com/bci/python:3.12\nRUN zypper -n dup\n',
      errors: 1,
    },
  ],
});

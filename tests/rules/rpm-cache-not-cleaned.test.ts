import { expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/rpm-cache-not-cleaned';
import { df, ruleTester } from '../support/rule-tester';

const rh = (run: string) => `FROM rockylinux:9\n${run}\n`;
const suse = (run: string) => `FROM opensuse/leap:15.6\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    rh('RUN yum install -y python3 && yum clean all'),
    { name: 'dnf clean all', code: rh('RUN dnf install -y python3 \\\n    && dnf clean all') },
    { name: 'yum is dnf on current RHEL: either clean counts', code: rh('RUN yum install -y python3 && dnf clean all') },
    { name: 'microdnf clean all', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y python3.11 && microdnf clean all\n' },
    { name: 'rm -rf the cache directory', code: rh('RUN dnf install -y python3; rm -rf /var/cache/dnf/*') },
    { name: 'rm -rf /var/cache/*', code: rh('RUN yum install -y python3 && rm -rf /var/cache/*') },
    { name: 'options before clean all', code: rh('RUN dnf -y install python3 && dnf -y clean all') },
    { name: 'cache mount on /var/cache/dnf', code: rh('RUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y python3') },
    { name: 'cache mount on /var/cache/yum for yum', code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y python3\n' },
    { name: 'cache mount on /var/cache for microdnf', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN --mount=type=cache,target=/var/cache microdnf install -y python3.11\n' },
    { name: 'tmpfs mount', code: rh('RUN --mount=type=tmpfs,target=/var/cache/dnf dnf install -y python3') },
    { name: 'zypper clean', code: suse('RUN zypper -n install python311 && zypper clean --all') },
    { name: 'zypper cc', code: suse('RUN zypper -n in python311; zypper cc -a') },
    { name: 'zypper cache mount', code: suse('RUN --mount=type=cache,target=/var/cache/zypp zypper -n install python311') },
    { name: 'heredoc with cleanup', code: rh('RUN <<EOF\nset -e\ndnf install -y python3\ndnf clean all\nEOF') },
    { name: 'commands that download nothing', code: rh('RUN dnf remove -y vim-minimal && dnf list installed && dnf repolist') },
    {
      name: 'a builder stage does not ship',
      code: df`
        FROM rockylinux:9 AS build
        RUN dnf install -y gcc python3-devel
        RUN pip3 wheel --wheel-dir /wheels psycopg2
        FROM rockylinux:9
        COPY --from=build /wheels /wheels
      `,
    },
    {
      name: 'the built target decides what ships',
      code: 'FROM rockylinux:9 AS app\nRUN echo app\nFROM app AS debug\nRUN dnf install -y gdb\n',
      options: { target: 'app' },
    },
  ],
  invalid: [
    {
      code: rh('RUN yum install -y python3'),
      errors: [{ messageId: 'yumCache', line: 2, column: 5, endColumn: 16, message: /^`yum install` leaves .* `\/var\/cache\/yum`.*`&& yum clean all`/ }],
      output: null,
      onbuild: true,
    },
    {
      name: 'dnf, in a parent stage of the final stage',
      code: df`
        FROM fedora:40 AS base
        RUN dnf install -y python3 \\
            && dnf clean packages
        FROM base
        COPY . /app
      `,
      errors: [{ line: 2, message: /`\/var\/cache\/dnf`.*`&& dnf clean all`/ }],
    },
    {
      name: 'cleaned in a later RUN is too late',
      code: rh('RUN dnf install -y python3\nRUN dnf clean all'),
      errors: [{ line: 2 }],
    },
    {
      name: 'cleaned before the install',
      code: rh('RUN dnf clean all && dnf install -y python3'),
      errors: [{ column: 22, endColumn: 33 }],
    },
    {
      name: 'one finding per RUN, on the last command that fills the cache',
      code: rh('RUN dnf makecache; dnf upgrade -y; dnf group install -y "Development Tools"'),
      errors: [{ column: 36, endColumn: 53, message: /^`dnf group install`/ }],
    },
    {
      name: 'a cache mount on another directory',
      code: rh('RUN --mount=type=cache,target=/root/.cache/pip dnf install -y python3-pip'),
      errors: 1,
    },
    {
      name: 'microdnf: its cache is /var/cache/yum, a mount on /var/cache/dnf misses it',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN --mount=type=cache,target=/var/cache/dnf microdnf install -y python3.11\n',
      errors: [{ message: /`\/var\/cache\/yum`.*`&& microdnf clean all`/ }],
    },
    {
      name: 'zypper',
      code: suse('RUN zypper --non-interactive install python311'),
      errors: [{ messageId: 'zypperCache', column: 5, endColumn: 37 }],
      onbuild: true,
    },
    {
      name: 'zypper refresh counts too',
      code: suse('RUN zypper refresh && zypper -n install python311 && rm -rf /tmp/*'),
      errors: [{ column: 23 }],
    },
    {
      name: 'exec form, sh -c, heredoc and lower-case run',
      code: rh('RUN ["dnf", "install", "-y", "python3"]\nRUN sh -c "dnf install -y python3"\nrun <<EOF\ndnf install -y python3\nEOF'),
      errors: [{ line: 2 }, { line: 3 }, { line: 5 }],
    },
    {
      name: 'sudo',
      code: rh('RUN sudo dnf install -y python3'),
      errors: [{ column: 10, endColumn: 21 }],
    },
  ],
});

it('suggests appending the clean to a simple chain', () => {
  const code = 'FROM rockylinux:9\nRUN dnf install -y python3 \\\n    && dnf install -y python3-pip\n';
  const { findings } = lintWith([rule], code);
  expect(applyFixes(code, findings, { unsafe: true }).text).toBe('FROM rockylinux:9\nRUN dnf install -y python3 \\\n    && dnf install -y python3-pip \\\n    && dnf clean all\n');
  const zypper = 'FROM opensuse/leap:15.6\nRUN zypper -n in python311\n';
  expect(applyFixes(zypper, lintWith([rule], zypper).findings, { unsafe: true }).text).toBe('FROM opensuse/leap:15.6\nRUN zypper -n in python311 \\\n    && zypper clean --all\n');
});

it('uses the escape character of the file', () => {
  const code = '# escape=`\nFROM rockylinux:9\nRUN dnf install -y python3\n';
  expect(applyFixes(code, lintWith([rule], code).findings, { unsafe: true }).text).toBe('# escape=`\nFROM rockylinux:9\nRUN dnf install -y python3 `\n    && dnf clean all\n');
});

it('offers no suggestion where appending could change the meaning', () => {
  for (const code of [
    rh('RUN dnf install -y python3 || true'),
    rh('RUN ["dnf", "install", "-y", "python3"]'),
    rh('RUN if true; then dnf install -y python3; fi'),
    rh('RUN <<EOF\ndnf install -y python3\nEOF'),
  ]) {
    const { findings } = lintWith([rule], code);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.suggestions ?? []).toEqual([]);
  }
});

import rule from '~/rules/rpm-install-missing-yes';
import { df, ruleTester } from '../support/rule-tester';

const rh = (run: string) => `FROM rockylinux:9\n${run}\n`;
const suse = (run: string) => `FROM opensuse/leap:15.6\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    rh('RUN yum install -y python3'),
    { name: '-y before the subcommand', code: rh('RUN yum -y install python3') },
    { name: '--assumeyes', code: rh('RUN dnf install --assumeyes python3') },
    { name: '-y after the packages', code: rh('RUN dnf install python3 python3-pip -y') },
    { name: 'in a short-flag cluster', code: rh('RUN dnf -qy install python3') },
    { name: '--setopt=assumeyes=1', code: rh('RUN dnf --setopt=assumeyes=1 install python3') },
    { name: '--setopt assumeyes=True', code: rh('RUN dnf install --setopt assumeyes=True python3') },
    { name: 'microdnf -y', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y --nodocs python3.11 && microdnf clean all\n' },
    { name: 'piped from yes', code: rh('RUN yes | yum install python3') },
    { name: 'commands that do not prompt', code: rh('RUN dnf makecache && dnf clean all && yum list installed && dnf repolist && dnf module list') },
    { name: 'dnf group list', code: rh('RUN dnf group list') },
    { name: 'dnf group install -y', code: rh('RUN dnf group install -y "Development Tools"') },
    { name: 'module install -y', code: rh('RUN dnf -y module install nodejs:20') },
    {
      name: 'assumeyes configured earlier in the lineage',
      code: df`
        FROM fedora:40 AS base
        RUN echo "assumeyes=True" >> /etc/dnf/dnf.conf
        FROM base
        RUN dnf install python3
      `,
    },
    { name: 'zypper --non-interactive', code: suse('RUN zypper --non-interactive install python311') },
    { name: 'zypper -n before the command', code: suse('RUN zypper -n in python311 && zypper clean --all') },
    { name: 'zypper -n in a cluster', code: suse('RUN zypper -qn install python311') },
    { name: 'zypper install -y', code: suse('RUN zypper install -y python311') },
    { name: 'zypper install --no-confirm', code: suse('RUN zypper install --no-confirm python311') },
    { name: 'zypper commands that do not prompt', code: suse('RUN zypper refresh && zypper search python && zypper lr') },
    { name: 'rpm itself', code: rh('RUN rpm -ivh /tmp/pkg.rpm') },
    { name: 'a word that only looks like yum', code: rh('RUN echo yum install python3') },
  ],
  invalid: [
    {
      code: rh('RUN yum install python3'),
      errors: [{ messageId: 'missingYes', line: 2, column: 5, endColumn: 16, message: /^`yum install` without `-y`/ }],
      output: rh('RUN yum install -y python3'),
      onbuild: true,
    },
    {
      name: 'dnf, after && on a continuation line',
      code: rh('RUN dnf makecache \\\n    && dnf install --setopt=install_weak_deps=False python3 \\\n    && dnf clean all'),
      errors: [{ line: 3, column: 8, endColumn: 19 }],
      output: rh('RUN dnf makecache \\\n    && dnf install -y --setopt=install_weak_deps=False python3 \\\n    && dnf clean all'),
    },
    {
      name: 'microdnf prompts since microdnf 3.7',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install python3.11\n',
      errors: [{ column: 5, endColumn: 21 }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y python3.11\n',
    },
    {
      name: 'upgrade, remove, groupinstall, localinstall',
      code: rh('RUN yum update; yum remove vim-minimal || true; yum groupinstall "Development Tools"; yum localinstall /tmp/x.rpm'),
      errors: [{ column: 5 }, { column: 17 }, { column: 49 }, { column: 87 }],
      output: rh('RUN yum update -y; yum remove -y vim-minimal || true; yum groupinstall -y "Development Tools"; yum localinstall -y /tmp/x.rpm'),
    },
    {
      name: 'dnf group install and module enable: the fix goes after the action',
      code: rh('RUN dnf group install "Development Tools" && dnf module enable nodejs:20'),
      errors: [{ column: 5, endColumn: 22, message: /^`dnf group install`/ }, { column: 46, endColumn: 63 }],
      output: rh('RUN dnf group install -y "Development Tools" && dnf module enable -y nodejs:20'),
    },
    {
      name: 'a single -q does not answer',
      code: rh('RUN dnf -q install python3'),
      errors: 1,
      output: rh('RUN dnf -q install -y python3'),
    },
    {
      name: 'exec form',
      code: rh('RUN ["dnf", "install", "python3"]'),
      errors: [{ column: 6, endColumn: 22 }],
      output: rh('RUN ["dnf", "install", "-y", "python3"]'),
    },
    {
      name: 'sh -c inside exec form',
      code: rh('RUN ["sh", "-c", "dnf install python3"]'),
      errors: [{ column: 19, endColumn: 30 }],
      output: rh('RUN ["sh", "-c", "dnf install -y python3"]'),
    },
    {
      name: 'heredoc',
      code: rh('RUN <<EOF\nset -e\ndnf install python3\nEOF'),
      errors: [{ line: 4, column: 1, endColumn: 12 }],
      output: rh('RUN <<EOF\nset -e\ndnf install -y python3\nEOF'),
    },
    {
      name: 'sudo and env wrappers, cache mount, lower-case instruction',
      code: rh('run --mount=type=cache,target=/var/cache/dnf sudo env LANG=C dnf install python3'),
      errors: [{ column: 62, endColumn: 73 }],
      output: rh('run --mount=type=cache,target=/var/cache/dnf sudo env LANG=C dnf install -y python3'),
    },
    {
      name: 'assumeyes written in an unrelated stage does not count',
      code: df`
        FROM fedora:40 AS other
        RUN echo "assumeyes=True" >> /etc/dnf/dnf.conf
        FROM fedora:40
        RUN dnf install python3
      `,
      errors: [{ line: 4 }],
      output: 'FROM fedora:40 AS other\nRUN echo "assumeyes=True" >> /etc/dnf/dnf.conf\nFROM fedora:40\nRUN dnf install -y python3\n',
    },
    {
      name: 'zypper install',
      code: suse('RUN zypper install python311'),
      errors: [{ messageId: 'missingNonInteractive', column: 5, endColumn: 19 }],
      output: suse('RUN zypper --non-interactive install python311'),
      onbuild: true,
    },
    {
      name: 'zypper: -n after the command means --name',
      code: suse('RUN zypper in -n python311'),
      errors: [{ column: 5, endColumn: 14 }],
      output: suse('RUN zypper --non-interactive in -n python311'),
    },
    {
      name: 'zypper remove, patch, update and dup',
      code: suse('RUN zypper rm vim && zypper patch && zypper up && zypper dup'),
      errors: [{ column: 5 }, { column: 22 }, { column: 38 }, { column: 51 }],
      output: suse('RUN zypper --non-interactive rm vim && zypper --non-interactive patch && zypper --non-interactive up && zypper --non-interactive dup'),
    },
    {
      name: 'zypper in exec form',
      code: suse('RUN ["zypper", "install", "python311"]'),
      errors: 1,
      output: suse('RUN ["zypper", "--non-interactive", "install", "python311"]'),
    },
  ],
});

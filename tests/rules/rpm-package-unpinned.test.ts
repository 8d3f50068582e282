import { describe, expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/rpm-package-unpinned';
import { ruleTester } from '../support/rule-tester';

const rh = (run: string) => `FROM rockylinux:9\n${run}\n`;
const suse = (run: string) => `FROM opensuse/leap:15.6\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    rh('RUN dnf install -y python3-3.9.18'),
    { name: 'version and release', code: rh('RUN yum install -y curl-7.76.1-26.el9 openssl-libs-3.0.7-24.el9.x86_64') },
    { name: 'epoch', code: rh('RUN dnf install -y nodejs-1:18.19.0') },
    { name: 'a version with letters', code: rh('RUN dnf install -y tzdata-2024a') },
    { name: 'a version glob', code: rh('RUN dnf install -y python3.11-3.11.*') },
    { name: 'names with digits keep their version', code: rh('RUN dnf install -y java-17-openjdk-headless-17.0.9.0.9 gcc-toolset-12-12.0-6.el9') },
    { name: '.rpm files, paths and URLs', code: rh('RUN dnf install -y /tmp/app.rpm ./local.rpm https://download.example.com/repo/x86_64/tool-1.0.rpm epel-release-latest-9.noarch.rpm') },
    { name: 'localinstall of files', code: rh('RUN yum localinstall -y /tmp/pkgs/*.rpm') },
    { name: 'groups and module profiles', code: rh('RUN dnf install -y @development "@Development Tools" @nodejs:20/common') },
    { name: 'variables and command substitutions', code: rh('RUN dnf install -y $PACKAGES "${PYTHON}-devel" $(cat /tmp/packages.txt)') },
    { name: 'capabilities', code: rh('RUN dnf install -y "dnf-command(config-manager)" "python3dist(requests) >= 2.31"') },
    { name: 'file provides', code: rh('RUN dnf install -y /usr/bin/python3') },
    { name: 'option values are not packages', code: rh('RUN dnf install -y --setopt=tsflags=nodocs --enablerepo crb --exclude kernel python3-3.9.18') },
    { name: 'module install with a stream', code: rh('RUN dnf module install -y nodejs:20 postgresql:16/server') },
    { name: 'other subcommands', code: rh('RUN dnf remove -y vim-minimal && dnf module enable -y nodejs:20 && dnf clean all') },
    { name: 'zypper name=version', code: suse('RUN zypper -n install python311=3.11.10-150600.3.6.1') },
    { name: 'zypper comparison', code: suse('RUN zypper -n install "python311>=3.11" \'git < 3\'') },
    { name: 'zypper name-version', code: suse('RUN zypper -n in python311-3.11.10') },
    { name: 'zypper patterns', code: suse('RUN zypper -n install -t pattern devel_basis && zypper -n in pattern:devel_C_C++') },
    { name: 'zypper .rpm file', code: suse('RUN zypper -n install /tmp/tool.rpm') },
    { name: 'zypper -n before the command takes no value', code: suse('RUN zypper -n install python311=3.11.10') },
  ],
  invalid: [
    {
      code: rh('RUN dnf install -y python3'),
      errors: [{ messageId: 'unpinned', line: 2, column: 20, endColumn: 27, message: /^`python3` is installed without a version.*`python3-<version>`/ }],
      onbuild: true,
    },
    {
      name: 'a dash in the name is not a version (hadolint counts it as one)',
      code: rh('RUN yum install -y python3-pip gcc-toolset-12 java-17-openjdk-headless compat-libstdc++-33 java-1.8.0-openjdk'),
      errors: [{ column: 20, endColumn: 31 }, { column: 32, endColumn: 46 }, { column: 47, endColumn: 71 }, { column: 72, endColumn: 91 }, { column: 92, endColumn: 110 }],
    },
    {
      name: 'microdnf, continuation lines, mixed pinned and unpinned',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y \\\n      python3.11-3.11.7 \\\n      shadow-utils \\\n  && microdnf clean all\n',
      errors: [{ line: 4, column: 7, endColumn: 19 }],
    },
    {
      name: 'module install without a stream',
      code: rh('RUN dnf module install -y nodejs'),
      errors: [{ messageId: 'moduleStream', column: 27, endColumn: 33 }],
    },
    {
      name: 'module profile without a stream',
      code: rh('RUN yum module install -y nodejs/common'),
      errors: [{ messageId: 'moduleStream', message: /^Module `nodejs` /u }],
    },
    {
      name: 'zypper',
      code: suse('RUN zypper --non-interactive install python311 package:git'),
      errors: [{ column: 38, endColumn: 47, message: /`python311=<version>`/ }, { column: 48, endColumn: 59, message: /^`git` /u }],
    },
    {
      name: 'exec form, sh -c, heredoc, sudo, cache mount, lower-case run',
      code: rh('RUN ["dnf", "install", "-y", "git"]\nRUN sh -c "dnf install -y git"\nrun <<EOF\nsudo dnf install -y git\nEOF\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y git'),
      errors: [{ line: 2, column: 30, endColumn: 35 }, { line: 3, column: 27, endColumn: 30 }, { line: 5, column: 21, endColumn: 24 }, { line: 7, column: 61, endColumn: 64 }],
    },
  ],
});

describe('rpm-package-unpinned', () => {
  it('is off by default', () => {
    expect(rule.meta.enabledByDefault).toBe(false);
    expect(lintWith([rule], rh('RUN dnf install -y python3')).findings).toEqual([]);
  });
});

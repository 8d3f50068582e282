import rule from '~/rules/pipefail-missing';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x | tar -xz\n',
    {
      name: 'the alternatives of a case pattern',
      code: df`
        FROM python:3.12-slim
        RUN arch="$(dpkg --print-architecture)"; \\
            case "$arch" in \\
              amd64|arm64) CFLAGS="-mno-omit-leaf-frame-pointer" ;; \\
              i386|armhf|armel) ;; \\
              *) CFLAGS="-fno-omit-frame-pointer" ;; \\
            esac; \\
            make CFLAGS="$CFLAGS"
      `,
    },
    { name: 'the pipeline status is thrown away with || true', code: 'FROM python:3.12-slim\nRUN pip freeze | grep -i django || true\n' },
    { name: 'set -o pipefail in the RUN', code: 'FROM python:3.12-slim\nRUN set -o pipefail && curl -fsSL https://example.com/x | tar -xz\n' },
    { name: 'set -Eeuo pipefail (options in any case)', code: 'FROM python:3.12-slim\nRUN set -Eeuo pipefail; curl -fsSL https://example.com/x | tar -xz\n' },
    { name: 'set -o errexit -o pipefail', code: 'FROM python:3.12-slim\nRUN set -o errexit -o nounset -o pipefail && curl -fsSL https://example.com/x | tar -xz\n' },
    { name: 'bash -o pipefail -c', code: 'FROM python:3.12-slim\nRUN bash -o pipefail -c \'curl -fsSL https://example.com/x | python -\'\n' },
    { name: 'bash -c with set -o pipefail inside', code: 'FROM python:3.12-slim\nRUN bash -c "set -o pipefail && curl -fsSL https://example.com/x | tar xz"\n' },
    { name: 'echo feeding tee cannot fail', code: 'FROM python:3.12-slim\nRUN echo "deb http://deb.debian.org/debian bookworm-backports main" | tee /etc/apt/sources.list.d/bp.list\n' },
    { name: 'yes always ends on SIGPIPE', code: 'FROM python:3.12-slim\nRUN yes | pip uninstall django\n' },
    { name: 'no pipe', code: 'FROM python:3.12-slim\nRUN pip install flask || true\n' },
    { name: 'pipe inside quotes', code: 'FROM python:3.12-slim\nRUN echo "a | b"\n' },
    { name: 'SHELL inherited from the parent stage', code: 'FROM debian:bookworm AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN ls | wc -l\n' },
    { name: 'powershell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
    { name: 'heredoc with set -o pipefail', code: 'FROM python:3.12-alpine\nRUN <<EOF\nset -o pipefail\ncurl -fsSL https://x | tar xz\nEOF\n' },
  ],
  invalid: [
    {
      name: 'a fallback other than true still depends on pipefail',
      code: 'FROM python:3.12-slim\nRUN curl -fsSL https://example.com/install.sh | sh || echo "install failed" && pip freeze | grep flask || true\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endColumn: 51 }],
    },
    {
      name: 'after /bin/sh was replaced by bash, set -o pipefail works in the RUN',
      code: 'FROM ubuntu:24.04\nRUN ln -sf /bin/bash /bin/sh\nRUN curl -s https://example.com/key.gpg | apt-key add -\n',
      errors: [{ messageId: 'pipe', line: 3, column: 5, endColumn: 56, message: /`set -o pipefail &&` at the start of the `RUN` \(`\/bin\/sh` is bash here/ }],
    },
    {
      name: 'a real pipe inside a case branch',
      code: df`
        FROM python:3.12-slim
        RUN case "$(uname -m)" in \\
              x86_64|aarch64) curl -fsSL https://example.com/x | tar -xz ;; \\
            esac
      `,
      errors: [{ messageId: 'pipe', line: 3, column: 23, endColumn: 65, message: /`curl` fails/ }],
    },
    {
      code: 'FROM python:3.12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endColumn: 51, message: /`curl` fails.*SHELL \["\/bin\/bash", "-o", "pipefail", "-c"\].*dash/ }],
    },
    {
      name: 'Alpine: no bash, ash knows pipefail',
      code: 'FROM python:3.12-alpine\nRUN curl -fsSL https://example.com/install.sh | sh\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endColumn: 51, message: /set -o pipefail &&.*\/bin\/ash.*no bash/ }],
    },
    {
      name: 'Lambda Python image: Amazon Linux, /bin/sh is bash (not dash, though the image is named python)',
      code: 'FROM public.ecr.aws/lambda/python:3.9\nRUN curl -s https://example.com/script.rpm.sh | bash\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endColumn: 53, message: /`set -o pipefail &&` at the start of the `RUN` \(`\/bin\/sh` is bash on this base image\)/ }],
    },
    {
      name: 'UBI and Amazon Linux: /bin/sh is bash',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5\nRUN curl -s https://example.com/x | tar -xz\nFROM amazonlinux:2023\nRUN curl -s https://example.com/x | tar -xz\nFROM public.ecr.aws/lambda/provided:al2023\nRUN curl -s https://example.com/x | tar -xz\n',
      errors: [
        { messageId: 'pipe', line: 2, column: 5, endColumn: 44, message: /bash on this base image/ },
        { messageId: 'pipe', line: 4, column: 5, endColumn: 44, message: /bash on this base image/ },
        { messageId: 'pipe', line: 6, column: 5, endColumn: 44, message: /bash on this base image/ },
      ],
    },
    {
      name: 'unknown base image',
      code: 'FROM ghcr.io/example/tools:1\nRUN pip freeze | grep -i django\n',
      errors: [{ messageId: 'pipe', line: 2, column: 5, endColumn: 32, message: /if the image has bash/ }],
    },
    {
      name: 'the whole pipeline after a harmless one',
      code: 'FROM python:3.12-slim\nRUN echo x | tee /a && python -c "print(1)" 2>&1 | tee /tmp/log | wc -l\n',
      errors: [{ messageId: 'pipe', line: 2, column: 24, endColumn: 72, message: /`python` fails/ }],
    },
    {
      name: 'a bash SHELL without the option',
      code: 'FROM python:3.12-slim\nSHELL ["/bin/bash", "-c"]\nRUN curl -fsSL https://example.com/x | tar -xz\n',
      errors: [{ messageId: 'pipe', line: 3, message: /Add `-o pipefail` to the `SHELL` instruction that selects `\/bin\/bash` \(or start the `RUN` with `set -o pipefail &&`\)\.$/ }],
    },
    {
      name: 'a conda run SHELL that ends in bash',
      code: 'FROM continuumio/miniconda3:24.1.2-0\nSHELL ["conda", "run", "-n", "app", "/bin/bash", "-c"]\nRUN pip freeze | grep flask\n',
      errors: [{ messageId: 'pipe', line: 3, message: /Add `-o pipefail` to the `SHELL` instruction that selects `\/bin\/bash`/ }],
    },
    { name: 'pipefail set only after the pipe', code: 'FROM python:3.12-slim\nRUN curl -fsSL x | sh; set -o pipefail\n', errors: 1 },
    { name: 'SHELL after the RUN does not help', code: 'FROM python:3.12-slim\nRUN wget -qO- x | tar -x\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n', errors: 1 },
    { name: 'heredoc', code: 'FROM python:3.12-slim\nRUN <<EOF\npip freeze | grep flask\nEOF\n', errors: [{ messageId: 'pipe', line: 3, message: /dash/ }] },
    {
      name: 'a heredoc run by bash: set -o pipefail works in it',
      code: 'FROM python:3.12-slim\nRUN <<EOF bash\npip freeze | grep flask\nEOF\nRUN <<EOF\n#!/bin/bash\npip freeze | grep flask\nEOF\n',
      errors: [
        { messageId: 'pipe', line: 3, message: /Add `set -o pipefail` at the start of the script \(it runs under bash\)\.$/ },
        { messageId: 'pipe', line: 7, message: /\(it runs under \/bin\/bash\)\.$/ },
      ],
    },
  ],
});

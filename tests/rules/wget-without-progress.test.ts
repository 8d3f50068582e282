import rule from '~/rules/wget-without-progress';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    { name: 'wget as an element of a bash array of packages (ray base-deps), not a command', code: 'FROM ubuntu:24.04\nRUN <<EOF\n#!/bin/bash\nPKGS=(\n    sudo\n    wget\n)\napt-get update && apt-get install -y --no-install-recommends "${PKGS[@]}"\nEOF\n' },
    'FROM debian:bookworm\nRUN wget -q https://example.com/a\n',
    'FROM debian:bookworm\nRUN wget --progress=dot:giga https://example.com/a\n',
    'FROM debian:bookworm\nRUN wget -nv x\n',
    { name: 'log appended to a file', code: 'FROM debian:bookworm\nRUN wget -a /tmp/wget.log https://example.com/a\n' },
    { name: 'quiet in an option cluster', code: 'FROM debian:bookworm\nRUN wget -qO- https://example.com/a.tgz | tar xz && wget -cq https://example.com/b\n' },
    { name: 'log written to a file with --output-file', code: 'FROM debian:bookworm\nRUN wget --output-file=/tmp/wget.log https://example.com/a\n' },
    { name: 'nothing downloaded', code: 'FROM debian:bookworm\nRUN wget --version && wget --spider https://example.com/\n' },
    { name: 'BusyBox wget on Alpine before GNU wget is installed', code: 'FROM alpine:3.20\nRUN wget https://example.com/a.tgz\nRUN apk add --no-cache wget\n' },
    { name: 'BusyBox wget on Alpine (it rejects --progress)', code: 'FROM python:3.12-alpine\nRUN wget -O /usr/local/bin/dumb-init https://example.com/dumb-init\n' },
  ],
  invalid: [
    {
      name: 'an unquoted sh -c script gets no fix (the option would go to sh); a quoted one does',
      code: "FROM debian:bookworm\nRUN sh -c wget x && sh -c 'wget https://example.com/a'\n",
      errors: [{ messageId: 'progress', line: 2, column: 11, endColumn: 15 }, { messageId: 'progress', line: 2, column: 28, endColumn: 32 }],
      output: "FROM debian:bookworm\nRUN sh -c wget x && sh -c 'wget --progress=dot:giga https://example.com/a'\n",
    },
    {
      name: 'O takes a value: the q after it is part of the file name',
      code: 'FROM debian:bookworm\nRUN wget -Oq.tgz https://example.com/a.tgz\n',
      errors: [{ messageId: 'progress', line: 2, column: 5, endColumn: 9 }],
      output: 'FROM debian:bookworm\nRUN wget --progress=dot:giga -Oq.tgz https://example.com/a.tgz\n',
    },
    {
      name: 'GNU wget installed and used in the same RUN on Alpine',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget https://example.com/a.tgz\n',
      errors: [{ messageId: 'progress', line: 2, column: 32, endColumn: 36 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget --progress=dot:giga https://example.com/a.tgz\n',
    },
    { code: 'FROM debian:bookworm\nRUN wget https://example.com/a.tar.gz\n', errors: [{ messageId: 'progress', line: 2, column: 5, endColumn: 9 }], output: 'FROM debian:bookworm\nRUN wget --progress=dot:giga https://example.com/a.tar.gz\n' },
    {
      name: 'GNU wget installed on Alpine',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache wget\nRUN wget https://example.com/a.tar.gz\n',
      errors: [{ messageId: 'progress', line: 3, column: 5, endColumn: 9 }],
      output: 'FROM python:3.12-alpine\nRUN apk add --no-cache wget\nRUN wget --progress=dot:giga https://example.com/a.tar.gz\n',
    },
  ],
});

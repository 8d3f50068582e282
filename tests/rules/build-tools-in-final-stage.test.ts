import rule from '~/rules/build-tools-in-final-stage';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n',
    { name: 'purged in the same RUN', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev && pip install --no-cache-dir psycopg2 && apt-get purge -y --auto-remove gcc libpq-dev\n' },
    { name: 'builder stage', code: df`
      FROM python:3.12 AS build
      RUN apt-get update && apt-get install -y build-essential
      FROM python:3.12-slim
      USER 1000` },
    { name: 'the last stage is the development image', code: 'FROM python:3.12-slim AS base\nRUN pip install --no-cache-dir flask\nFROM base AS dev\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential gdb\n' },
    { name: 'apk virtual package removed', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir cffi && apk del .build-deps\n' },
    { name: 'official-image pattern: apt-mark auto and purge --auto-remove', code: df`
      FROM python:3.12-slim
      RUN set -eux; \
          savedAptMark="$(apt-mark showmanual)"; \
          apt-get update; \
          apt-get install -y --no-install-recommends gcc libc6-dev; \
          pip install --no-cache-dir uwsgi; \
          apt-mark auto '.*' > /dev/null; \
          apt-mark manual $savedAptMark; \
          apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
          rm -rf /var/lib/apt/lists/*` },
    { name: 'option values are not packages', code: 'FROM python:3.12-slim\nRUN apt-get -o Dpkg::Options::=--force-confdef -t bookworm-backports install -y libpq5\n' },
    { name: 'dnf remove in the same RUN', code: 'FROM fedora:40\nRUN dnf install -y gcc && pip install --no-cache-dir x && dnf remove -y gcc\n' },
    { name: 'zypper rm in the same RUN', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in gcc && pip install --no-cache-dir x && zypper -n rm gcc\n' },
    { name: 'apk --virtual= group deleted', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual=.build-deps gcc && pip install --no-cache-dir x && apk del .build-deps\n' },
    { name: 'apk del by name', code: 'FROM python:3.12-alpine\nRUN apk add gcc musl-dev && pip install --no-cache-dir x && apk del gcc musl-dev\n' },
    { name: 'make and git are not compilers', code: 'FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends make git\n' },
    { name: 'package list from a variable', code: 'FROM python:3.12-slim\nARG BUILD_DEPS="gcc"\nRUN apt-get install -y $BUILD_DEPS\n' },
    { name: 'build target is another stage', code: 'FROM python:3.12-slim AS app\nRUN echo ok\nFROM python:3.12 AS build\nRUN apt-get install -y gcc\n', options: { target: 'app' } },
  ],
  invalid: [
    { name: 'Debian names the Rust compiler rustc', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends rustc cargo\n', errors: [{ line: 2, column: 66, endColumn: 71, message: /^`rustc` is a build tool/ }, { line: 2, column: 72, endColumn: 77 }] },
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\n',
      errors: [{ messageId: 'buildTool', line: 2, column: 66, endColumn: 69 }, { line: 2, column: 70, endColumn: 79 }],
    },
    { name: 'zypper -n (non-interactive) before install', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install gcc\n', errors: [{ line: 2, column: 23, endColumn: 26 }] },
    { name: 'removed in a later RUN does not help', code: 'FROM python:3.12-slim\nRUN apt-get install -y build-essential\nRUN apt-get purge -y build-essential\n', errors: 1 },
    {
      name: 'purged in a later RUN: the message says why that purge frees nothing',
      code: 'FROM python:3.8-slim\nCOPY requirements.txt .\nRUN apt-get update && apt-get install -y --no-install-recommends gcc python-dev libpq-dev\nRUN pip install -r requirements.txt\nRUN apt-get purge -y --auto-remove gcc python-dev\n',
      errors: [
        { messageId: 'removedLater', line: 3, column: 66, endColumn: 69, message: /^`gcc` is a build tool installed in the image that ships\. Removing it on line 5 does not shrink the image: that is a later `RUN`.*move `apt-get purge -y --auto-remove gcc python-dev` here/ },
        { messageId: 'removedLater', line: 3, column: 70, endColumn: 80, message: /^`python-dev` is a development package/ },
        { messageId: 'buildTool', line: 3, column: 81, endColumn: 90 },
      ],
    },
    {
      name: 'an apk virtual group deleted in a later RUN',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\nRUN pip install --no-cache-dir psycopg2\nRUN apk del .build-deps\n',
      errors: [
        { messageId: 'removedLater', line: 2, column: 46, endColumn: 49, message: /Removing it on line 4 .*move `apk del \.build-deps` here/ },
        { messageId: 'removedLater', line: 2, column: 50, endColumn: 58 },
      ],
    },
    { name: 'parent of the final stage', code: 'FROM python:3.12-slim AS base\nRUN apt-get install -y python3-dev\nFROM base\n', errors: 1 },
    { name: 'apk', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache build-base\n', errors: 1 },
    { name: 'heredoc', code: 'FROM python:3.12-slim\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends gcc\nEOF\n', errors: [{ line: 4, column: 44, endColumn: 47 }] },
    { name: 'exec form', code: 'FROM python:3.12-slim\nRUN ["apt-get", "install", "-y", "g++"]\n', errors: [{ message: /`g\+\+`/ }] },
    { name: 'apk virtual group never deleted', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\n', errors: 2 },
    { name: 'dnf on Fedora', code: 'FROM fedora:40\nRUN dnf install -y gcc python3-devel\n', errors: [{ column: 20, endColumn: 23 }, { column: 24, endColumn: 37 }] },
    { name: 'sh -c with a target-release', code: 'FROM python:3.12-slim\nRUN sh -c "apt-get update && apt-get install -y -t bookworm-backports clang"\n', errors: 1 },
    {
      name: 'apt: the message suggests apt-get purge',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends gcc\n',
      errors: [{ messageId: 'buildTool', message: /\(`apt-get purge -y --auto-remove gcc`\)/ }],
    },
    {
      name: 'apk on Alpine: the message suggests apk del, not apt-get',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache gcc musl-dev\n',
      errors: [
        { messageId: 'buildToolApk', line: 2, column: 24, endColumn: 27, message: /`apk del gcc`, or install the build tools as a virtual package and delete it \(`apk add --virtual \.build-deps gcc … && apk del \.build-deps`\)/ },
        { messageId: 'buildToolApk', line: 2, column: 28, endColumn: 36, message: /`apk del musl-dev`/ },
      ],
    },
    {
      name: 'apk virtual package never deleted: the message names the group',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual=.build-deps gcc\n',
      errors: [{ messageId: 'buildToolApkGroup', message: /virtual package `\.build-deps`.*`apk del \.build-deps`/ }],
    },
    { name: 'dnf: the message suggests dnf remove', code: 'FROM fedora:40\nRUN dnf install -y gcc-c++\n', errors: [{ messageId: 'buildTool', message: /\(`dnf remove -y gcc-c\+\+`\)/ }] },
    {
      name: 'a -dev package is called a development package, and purging it with --auto-remove would take its runtime library too',
      code: 'FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\n',
      errors: [
        { messageId: 'buildTool', line: 2, column: 66, endColumn: 69, message: /^`gcc` is a build tool installed .*\(`apt-get purge -y --auto-remove gcc`\)\.$/ },
        { messageId: 'buildTool', line: 2, column: 70, endColumn: 79, message: /^`libpq-dev` is a development package \(headers for compiling against a library\) installed .*\(`apt-get purge -y --auto-remove libpq-dev`; first name on the install line the runtime library your program needs, such as `libpq5` beside `libpq-dev`, or `--auto-remove` removes it too\)\.$/ },
      ],
    },
    {
      name: 'dnf remove also drops the dependencies it no longer needs',
      code: 'FROM rockylinux:9\nRUN dnf install -y gdal-devel && dnf clean all\n',
      errors: [{ messageId: 'buildTool', line: 2, column: 20, endColumn: 30, message: /^`gdal-devel` is a development package .*\(`dnf remove -y gdal-devel`; first name on the install line the runtime library your program needs, such as `libpq` beside `libpq-devel`, or `dnf remove` removes it too\)\.$/ }],
    },
    { name: 'apk: musl-dev is a development package', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache musl-dev\n', errors: [{ messageId: 'buildToolApk', line: 2, column: 24, endColumn: 32, message: /^`musl-dev` is a development package \(headers for compiling against a library\) installed/ }] },
    { name: 'yum: the message suggests yum remove', code: 'FROM centos:7\nRUN yum install -y gcc\n', errors: [{ messageId: 'buildTool', message: /\(`yum remove -y gcc`\)/ }] },
    { name: 'zypper: the message suggests zypper remove', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in cmake\n', errors: [{ messageId: 'buildTool', message: /\(`zypper -n remove cmake`\)/ }] },
    { name: 'autoremove without apt-mark keeps manual packages', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc && pip install x && apt-get autoremove -y\n', errors: 1 },
  ],
});

import rule from '~/rules/pip-externally-managed';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    { name: 'the official python image has no marker', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n' },
    { name: 'Ubuntu 22.04 predates PEP 668 in Ubuntu', code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip && pip3 install flask\n' },
    { name: 'Debian 11', code: 'FROM debian:bullseye-slim\nRUN apt-get update && apt-get install -y python3-pip && pip3 install flask\n' },
    { name: 'a virtualenv, by path', code: df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y python3-pip python3-venv
      RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install flask` },
    { name: 'a virtualenv on PATH', code: df`
      FROM ubuntu:24.04
      RUN apt-get update && apt-get install -y python3-pip python3-venv && python3 -m venv /opt/venv
      ENV PATH="/opt/venv/bin:$PATH"
      RUN pip install flask` },
    { name: 'a virtualenv activated in the same RUN', code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3-pip python3-venv && python3 -m venv /v && . /v/bin/activate && pip install flask\n' },
    { name: 'the marker overridden: flag, ENV, assignment, config, removed file', code: df`
      FROM debian:bookworm
      ENV DEBIAN_FRONTEND=noninteractive
      RUN apt-get update && apt-get install -y python3-pip
      RUN pip install --break-system-packages flask
      RUN PIP_BREAK_SYSTEM_PACKAGES=1 pip3 install requests
      RUN pip3 install --target /opt/deps requests
      FROM debian:bookworm AS b
      RUN apt-get update && apt-get install -y python3-pip && rm /usr/lib/python3.11/EXTERNALLY-MANAGED
      RUN pip install flask
      FROM debian:bookworm AS c
      RUN apt-get update && apt-get install -y python3-pip && pip config set global.break-system-packages true
      RUN python3 -m pip install flask
      FROM ubuntu:24.04 AS d
      ENV PIP_BREAK_SYSTEM_PACKAGES=1
      RUN apt-get update && apt-get install -y python3-pip && pip install flask
      FROM ubuntu:24.04 AS e
      ARG PIP_BREAK_SYSTEM_PACKAGES=1
      RUN apt-get update && apt-get install -y python3-pip && pip install flask
      FROM ubuntu:24.04 AS f
      RUN apt-get update && apt-get install -y python3-pip && export PIP_BREAK_SYSTEM_PACKAGES=1 && pip install flask` },
    { name: 'an abbreviated --break-system-packages, which pip accepts', code: 'FROM ubuntu\nRUN apt-get update && apt-get install -y python3-pip python3\nRUN pip install --no-cache-dir --break-system-package -r requirements.txt\n' },
    { name: 'pip of another Python (deadsnakes python3.12, no python3-pip from apt)', code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3.12 && python3.12 -m ensurepip && python3.12 -m pip install tox\n' },
    { name: 'Alpine 3.18 predates PEP 668 in Alpine', code: 'FROM alpine:3.18\nRUN apk add --no-cache python3 py3-pip && pip install flask\n' },
    { name: 'Alpine 3.19, --break-system-packages (the usual way out)', code: 'FROM alpine:3.19\nRUN apk add --no-cache python3 py3-pip\nRUN pip install --break-system-packages -r requirements.txt\n' },
    { name: 'Alpine, a virtualenv', code: 'FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip && python3 -m venv /opt/venv && /opt/venv/bin/pip install flask\n' },
    { name: 'the python Alpine image has no marker', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache py3-pip && pip install flask\n' },
    { name: 'an image built on Alpine (node:*-alpine) is not known here', code: 'FROM node:20-alpine\nRUN apk add --no-cache python3 py3-pip && pip3 install awscli\n' },
    { name: 'an image of unknown content', code: 'FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN sudo apt-get update && sudo apt-get install -y python3-pip && pip install flask\n' },
  ],
  invalid: [
    {
      name: 'Ubuntu 24.04, pip3 in the same RUN as apt',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3 python3-pip && pip3 install django==4.2\n',
      errors: [{ messageId: 'managed', line: 2, column: 65, endColumn: 77, message: /^`pip3 install` installs into the system Python of Ubuntu noble, which is marked as externally managed \(PEP 668\)/ }],
    },
    {
      name: 'Debian bookworm, python3 -m pip in a later RUN, --user does not help',
      code: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends python3-pip
        RUN python3 -m pip install --user flask`,
      errors: [{ messageId: 'managed', line: 3, column: 5, endColumn: 27, message: /`python3 -m pip install` installs into the system Python of Debian bookworm/ }],
    },
    {
      name: 'python3-pip installed in a parent stage',
      code: 'FROM ubuntu:latest AS base\nRUN apt-get update && apt-get install -y python3-pip\nFROM base\nRUN pip install --no-cache-dir requests\n',
      errors: [{ messageId: 'managed', line: 4, column: 5, endColumn: 16, message: /system Python of Ubuntu [a-z]+ \(what `ubuntu:latest` points to today\), which/ }],
    },
    {
      name: 'Alpine 3.19 with py3-pip from apk',
      code: 'FROM alpine:3.19\nRUN apk add --no-cache python3 py3-pip \\\n    && pip3 install -r requirements.txt\n',
      errors: [{ messageId: 'managed', line: 3, column: 8, endColumn: 20, message: /^`pip3 install` installs into the system Python of Alpine 3\.19, which is marked as externally managed \(PEP 668\).*install the Alpine package \(`py3-<name>`\), or use a `python:\*-alpine` base image\.$/ }],
    },
    {
      name: 'untagged alpine (Tandoor recipes: FROM alpine, apk add python3 …, pip3 install)',
      code: 'FROM alpine\nRUN apk --no-cache add python3 py3-pip\nRUN pip3 install -r requirements.txt\n',
      errors: [{ messageId: 'managed', line: 3, column: 5, endColumn: 17, message: /system Python of Alpine \(what `alpine:latest` points to today\), which/ }],
    },
  ],
});

import rule from '~/rules/user-non-numeric';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12\nUSER 10001\n', 'FROM python:3.12\nUSER 10001:10001\n', 'FROM python:3.12 AS b\nUSER app\nFROM python:3.12\nUSER 1000\n', 'FROM python:3.12\nUSER $APP_UID\n'],
  invalid: [
    { code: 'FROM python:3.12\nUSER app\n', errors: [{ messageId: 'named', line: 2, column: 6, endColumn: 9, message: /`id -u app`.*`useradd --uid 10001 app`/ }] },
    { code: 'FROM python:3.12\nUSER app:app\n', errors: 1 },
    {
      name: 'the UID the Dockerfile gives the user is the one suggested',
      code: 'FROM python:3.12-slim\nRUN groupadd --system --gid 999 nonroot && useradd --system --gid 999 --uid 999 --create-home nonroot\nUSER nonroot\n',
      errors: [{ messageId: 'named', line: 3, column: 6, endColumn: 13, message: /Write its UID: `USER 999`\.$/ }],
    },
    { name: 'Alpine has adduser, not useradd', code: 'FROM python:3.12-alpine\nRUN adduser -D app\nUSER app\n', errors: [{ messageId: 'named', message: /\(`adduser -D -u 10001 app`\)/ }] },
    {
      name: 'distroless nonroot is 65532 (no shell there to run id -u)',
      code: 'FROM python:3.11-slim AS build\nRUN pip install --prefix=/install flask\nFROM gcr.io/distroless/python3-debian12:nonroot\nCOPY --from=build /install /usr/local\nUSER nonroot:nonroot\n',
      errors: [{ messageId: 'named', line: 5, column: 6, endColumn: 21, message: /Write its UID: `USER 65532:nonroot`\.$/ }],
    },
    {
      name: 'nonroot on another image is not assumed to be 65532',
      code: 'FROM python:3.12-slim\nUSER nonroot\n',
      errors: [{ messageId: 'named', message: /id -u nonroot/ }],
    },
    { name: 'nobody', code: 'FROM python:3.12-slim\nUSER nobody\n', errors: [{ messageId: 'named', message: /Write its UID: `USER 65534`\.$/ }] },
    { name: 'www-data is 33 on Debian', code: 'FROM python:3.12-slim\nUSER www-data\n', errors: [{ messageId: 'named', message: /Write its UID: `USER 33`\.$/ }] },
    { name: 'www-data on Alpine is not 33', code: 'FROM python:3.12-alpine\nUSER www-data\n', errors: [{ messageId: 'named', message: /`id -u www-data`/ }] },
    { name: 'useradd -ms /bin/bash creates the user (a cluster whose last option takes the next word)', code: 'FROM python:3.12-slim\nRUN useradd -ms /bin/bash appuser\nUSER appuser\n', errors: [{ messageId: 'named', message: /or create the user with a fixed one/ }] },
    { name: 'useradd -mu 1234 gives the UID', code: 'FROM python:3.12-slim\nRUN useradd -mu 1234 appuser\nUSER appuser\n', errors: [{ messageId: 'named', message: /Write its UID: `USER 1234`\.$/ }] },
    { name: 'Ray runs as ray (uid 1000)', code: 'FROM rayproject/ray:2.9.0-py310\nUSER ray\n', errors: [{ messageId: 'named', message: /Write its UID: `USER 1000`\.$/ }] },
    {
      name: 'docker init template: the UID comes from an ARG',
      code: 'ARG PYTHON_VERSION=3.12.4\nFROM python:${PYTHON_VERSION}-slim AS base\nARG UID=10001\nRUN adduser \\\n    --disabled-password \\\n    --gecos "" \\\n    --home "/nonexistent" \\\n    --shell "/sbin/nologin" \\\n    --no-create-home \\\n    --uid "${UID}" \\\n    appuser\nUSER appuser\n',
      errors: [{ messageId: 'named', line: 12, column: 6, endColumn: 13, message: /Write its UID: `USER 10001`\.$/ }],
    },
    {
      name: 'BusyBox adduser, group kept, parent stage',
      code: 'FROM python:3.12-alpine AS base\nRUN addgroup -g 1000 app && adduser -D -u 1000 -G app app\nFROM base\nUSER app:app\n',
      errors: [{ messageId: 'named', message: /`USER 1000:app`/ }],
    },
    {
      name: 'a UID given to another user is not this one\'s',
      code: 'FROM python:3.12-slim\nRUN useradd -u 1500 other && useradd -m app\nUSER app\n',
      errors: [{ messageId: 'named', message: /`id -u app`/ }],
    },
    {
      name: 'a user the base image provides: its known UID (Airflow), not advice to create it again',
      code: 'FROM apache/airflow:2.10.2-python3.11\nUSER root\nRUN apt-get update\nUSER airflow\n',
      errors: [{ messageId: 'named', line: 4, column: 6, endColumn: 13, message: /Write its UID: `USER 50000`\.$/ }],
    },
    {
      name: 'Jupyter Docker Stacks on quay.io through a parent stage, group kept',
      code: 'FROM quay.io/jupyter/scipy-notebook:2024-10-07 AS base\nFROM base\nUSER jovyan:users\n',
      errors: [{ messageId: 'named', line: 3, column: 6, endColumn: 18, message: /Write its UID: `USER 1000:users`\.$/ }],
    },
    {
      name: 'Apache Spark\'s spark is 185',
      code: 'FROM apache/spark:3.5.3-scala2.12-java17-python3-ubuntu\nUSER root\nRUN pip3 install --no-cache-dir pandas==2.2.3\nUSER spark\n',
      errors: [{ messageId: 'named', line: 4, column: 6, endColumn: 11, message: /Write its UID: `USER 185`\.$/ }],
    },
    {
      name: 'user name and UID both from ARGs (useradd -u $UID $UNAME, USER $UNAME): created here, with a known UID',
      code: 'FROM python:3.12\nARG UNAME=python\nARG UID=1000\nARG GID=1000\nRUN groupadd -g $GID -o $UNAME \\\n  && useradd -m -u $UID -g $GID -o -s /bin/bash $UNAME\nUSER $UNAME\n',
      errors: [{ messageId: 'named', line: 7, column: 6, endLine: 7, endColumn: 12, message: /Write its UID: `USER 1000`\.$/ }],
    },
    {
      name: 'a user the file never creates, on an image not known here: creating it is only the fallback',
      code: 'FROM pytorch/torchserve:0.12.0-cpu\nUSER model-server\n',
      errors: [{ messageId: 'named', line: 2, column: 6, endColumn: 18, message: /\(`id -u model-server` in the image prints it\)\. This file never creates `model-server`: if the base image does not have it either, create it with a fixed one \(`useradd --uid 10001 model-server`\)/ }],
    },
  ],
});

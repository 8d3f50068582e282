import { expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/root-final-user';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nUSER 10001\n',
    'FROM python:3.12-slim\nUSER app:app\n',
    { name: 'USER inherited from the parent stage', code: df`
      FROM python:3.12-slim AS base
      USER 10001
      FROM base
      CMD ["python"]` },
    { name: 'root only in a builder stage', code: df`
      FROM python:3.12 AS build
      USER root
      RUN pip wheel -w /w flask
      FROM python:3.12-slim
      USER 1000` },
    { name: 'distroless nonroot', code: 'FROM gcr.io/distroless/python3-debian12:nonroot\n' },
    { name: 'a Docker Hardened Image runtime variant runs as nonroot', code: 'FROM dhi.io/python:3.11.15-dev AS builder\nRUN python -m venv /app/venv\nFROM dhi.io/python:3.11.15\nCOPY --from=builder /app/venv /app/venv\nCMD ["granian", "--interface", "asgi", "api:app"]\n' },
    { name: 'USER from a variable', code: 'FROM python:3.12-slim\nARG UID=1000\nUSER $UID\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'micromamba runs as mambauser', code: 'FROM mambaorg/micromamba:1.5.8\nRUN micromamba install -y -n base -f /tmp/env.yaml\n' },
    { name: 'Airflow runs as airflow', code: 'FROM apache/airflow:2.9.2-python3.11\nRUN pip install --no-cache-dir -r /requirements.txt\n' },
    { name: 'Ray images run as ray (uid 1000)', code: 'FROM rayproject/ray:2.9.0-py310\nRUN pip install --no-cache-dir requests==2.32.3\nCMD ["python", "app.py"]\n' },
    { name: 'the older apache/spark-py images run as uid 185', code: 'FROM apache/spark-py:v3.4.0\nCMD ["python3", "job.py"]\n' },
    { name: 'Apache Spark runs as spark (uid 185)', code: 'FROM python:3.11-slim AS pack\nRUN python -m venv /opt/venv\nFROM apache/spark:3.5.3-python3\nCOPY --from=pack /opt/venv /opt/venv\nENV PYSPARK_PYTHON=/opt/venv/bin/python\n' },
    { name: 'Jupyter Docker Stacks on quay.io', code: 'FROM quay.io/jupyter/scipy-notebook:2024-05-27\nRUN pip install altair\n' },
    { name: 'Red Hat UBI Python runs as 1001', code: 'FROM registry.access.redhat.com/ubi9/python-311:latest\nRUN pip install -r requirements.txt\n' },
    { name: 'micromamba from ghcr.io', code: 'FROM ghcr.io/mamba-org/micromamba:1.5-jammy\nRUN micromamba install -y -n base -f /tmp/env.yaml\n' },
    { name: 'JupyterHub single-user image runs as jovyan', code: 'FROM jupyterhub/singleuser:4\nRUN pip install --no-cache-dir altair\n' },
    { name: 'AWS Lambda runs the function unprivileged', code: 'FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ${LAMBDA_TASK_ROOT}\nCMD ["app.handler"]\n' },
    { name: 'uWSGI drops root itself: UWSGI_UID read as --uid, behind an entrypoint script (wagtail/bakerydemo)', code: 'FROM python:3.12-slim\nENV UWSGI_HTTP=:8000 UWSGI_UID=1000 UWSGI_GID=2000\nENTRYPOINT ["/code/docker-entrypoint.sh"]\nCMD ["/venv/bin/uwsgi", "--http-keepalive"]\n' },
    { name: 'uWSGI --uid', code: 'FROM python:3.12-slim\nCMD ["uwsgi", "--ini", "app.ini", "--uid", "www-data"]\n' },
    { name: 'celery worker --uid=nobody', code: 'FROM python:3.12-slim\nCMD celery -A app.worker worker --loglevel=info --uid=nobody --gid=nogroup\n' },
    { name: 'gosu drops root for the server', code: 'FROM python:3.12-slim\nENTRYPOINT ["gosu", "app", "gunicorn", "app:app"]\n' },
    { name: 'su-exec at the end of a sh -c script', code: 'FROM python:3.12-alpine\nCMD ["sh", "-c", "chown -R app /data && exec su-exec app python app.py"]\n' },
    { name: 'Windows images have no root', code: 'FROM python:3.12-windowsservercore\nCMD ["python", "app.py"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCMD ["python"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, endColumn: 22 }],
    },
    {
      code: 'FROM python:3.12-slim\nUSER app\nRUN apt-get update\nUSER root\n',
      errors: [{ messageId: 'rootUser', line: 4, column: 6, endColumn: 10 }],
    },
    { name: 'uid 0', code: 'FROM python:3.12-slim\nUSER 0:0\n', errors: [{ messageId: 'rootUser', line: 2 }] },
    { name: 'root from a variable default', code: 'FROM python:3.12-slim\nARG U=root\nUSER ${U}\n', errors: [{ messageId: 'rootUserByDefault', message: /`\$\{U\}`, is `root` with the default values/, line: 3, column: 6, endColumn: 10 }] },
    { name: 'global ARG UID=0 / GID=0 redeclared, USER $UID:$GID (open-webui)', code: 'ARG UID=0\nARG GID=0\nFROM python:3.12-slim\nARG UID\nARG GID\nUSER $UID:$GID\nCMD ["bash", "start.sh"]\n', errors: [{ messageId: 'rootUserByDefault', message: /`\$UID:\$GID`, is `0:0`/, line: 6, column: 6, endLine: 6, endColumn: 15 }] },
    {
      name: 'non-root builder, root final',
      code: df`
        FROM python:3.12 AS build
        USER 1000
        FROM python:3.12-slim`,
      errors: [{ messageId: 'noUser', line: 3 }],
    },
    { name: 'USER root left last on a non-root base', code: 'FROM mambaorg/micromamba:1.5.8\nUSER root\nRUN apt-get update\n', errors: [{ messageId: 'rootUser', line: 2, column: 6, endColumn: 10 }] },
    { name: 'uWSGI --uid 0 drops nothing', code: 'FROM python:3.12-slim\nCMD ["uwsgi", "--uid", "0", "--ini", "app.ini"]\n', errors: [{ messageId: 'noUser', line: 1, column: 6, endColumn: 22 }] },
    { name: 'uWSGI --master-as-root keeps the master as root', code: 'FROM python:3.12-slim\nCMD ["uwsgi", "--uid", "1000", "--master-as-root", "--ini", "app.ini"]\n', errors: [{ messageId: 'noUser', line: 1, column: 6, endColumn: 22 }] },
    { name: 'gunicorn --user: the master process stays root', code: 'FROM python:3.12-slim\nCMD ["gunicorn", "--user", "app", "app:app"]\n', errors: [{ messageId: 'noUser', line: 1, column: 6, endColumn: 22 }] },
    { name: 'UWSGI_UID set but the server is gunicorn', code: 'FROM python:3.12-slim\nENV UWSGI_UID=1000\nCMD ["gunicorn", "app:app"]\n', errors: [{ messageId: 'noUser', line: 1, column: 6, endColumn: 22 }] },
    {
      name: 'gosu installed and an ENTRYPOINT script (paperless-ngx, mealie): the message says the script may drop root',
      code: 'FROM python:3.12-slim\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends gosu \\\n  && rm -rf /var/lib/apt/lists/*\nCOPY docker-entrypoint.sh /sbin/\nENTRYPOINT ["/sbin/docker-entrypoint.sh"]\nCMD ["gunicorn", "app:app"]\n',
      errors: [{ messageId: 'noUserDropTool', message: /installs `gosu` and starts through an `ENTRYPOINT` script/, line: 1, column: 6, endColumn: 22 }],
    },
    {
      name: 'su-exec copied from an image, with an ENTRYPOINT script',
      code: 'FROM python:3.12-alpine\nCOPY --from=tianon/gosu:1.17 /gosu /usr/local/bin/\nRUN apk add --no-cache su-exec\nENTRYPOINT ["/entrypoint.sh"]\n',
      errors: [{ messageId: 'noUserDropTool', message: /installs `gosu`/ }],
    },
    { name: 'gosu installed but no ENTRYPOINT: the plain message', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gosu\nCMD ["python", "app.py"]\n', errors: [{ messageId: 'noUser' }] },
    {
      name: 'su-exec installed and a CMD script with no ENTRYPOINT (plane: CMD ["./bin/docker-entrypoint-api.sh"], which ends in exec su-exec)',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache su-exec\nRUN adduser -u 1000 -D plane\nCOPY ./bin ./bin/\nCMD ["./bin/docker-entrypoint-api.sh"]\n',
      errors: [{ messageId: 'noUserDropTool', message: /installs `su-exec` and starts through a `CMD` script \(`\.\/bin\/docker-entrypoint-api\.sh`\): if that script drops/, line: 1, column: 6, endColumn: 24 }],
    },
    {
      name: 'gosu installed and a shell-form CMD script',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gosu\nCMD /start.sh\n',
      errors: [{ messageId: 'noUserDropTool', message: /a `CMD` script \(`\/start\.sh`\)/ }],
    },
    { name: 'gosu installed, CMD runs a server by its path: not a script', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gosu\nCMD ["/opt/venv/bin/gunicorn", "app:app"]\n', errors: [{ messageId: 'noUser' }] },
    { name: 'gosu installed, CMD runs the application\'s own Python file: not a start script', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gosu\nCMD ["./manage.py", "runserver", "0.0.0.0:8000"]\n', errors: [{ messageId: 'noUser' }] },
    {
      name: 'gosu fetched in another stage whose files the final stage copies (Synapse: apt-get download … gosu, COPY --from=runtime-deps /install/usr /usr)',
      code: 'FROM debian:trixie AS runtime-deps\nRUN apt-get update && cd /tmp && apt-get download gosu libpq5 && for d in *.deb; do dpkg --extract $d /install; done\nFROM python:3.13-slim\nCOPY --from=runtime-deps /install/usr /usr\nENTRYPOINT ["/start.py"]\n',
      errors: [{ messageId: 'noUserDropTool', line: 3, column: 6, endColumn: 22, message: /installs `gosu` and starts through an `ENTRYPOINT` script/ }],
    },
    { name: 'a stage copied from without gosu: the plain message', code: 'FROM debian:trixie AS deps\nRUN apt-get update && apt-get download libpq5\nFROM python:3.13-slim\nCOPY --from=deps /install/usr /usr\nENTRYPOINT ["/start.py"]\n', errors: [{ messageId: 'noUser' }] },
    { name: 'a CMD script but no drop tool: the plain message', code: 'FROM python:3.12-slim\nCMD ["./run.sh"]\n', errors: [{ messageId: 'noUser' }] },
    { name: 'a Docker Hardened Image -dev variant runs as root', code: 'FROM dhi.io/python:3.13-dev\nCMD ["python", "app.py"]\n', errors: [{ messageId: 'noUser', line: 1, column: 6, endColumn: 28 }] },
    { name: 'gosu to root drops nothing', code: 'FROM python:3.12-slim\nENTRYPOINT ["gosu", "root", "python", "app.py"]\n', errors: [{ messageId: 'noUser', line: 1, column: 6, endColumn: 22 }] },
  ],
});

it('suggests a user the base image can create: adduser on Alpine, the built-in nonroot user on distroless', () => {
  const apply = (text: string) => {
    const [f] = lintWith([rule], text).findings;
    const edit = f!.suggestions![0]!.edits[0]!;
    return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  };
  const alpine = apply('FROM python:3.12-alpine\nCMD ["python", "app.py"]\n');
  expect(alpine).toBe('FROM python:3.12-alpine\nCMD ["python", "app.py"]\nRUN adduser -S -D -H -u 10001 app\nUSER 10001\n');
  expect(lintWith([rule], alpine).findings).toEqual([]);
  const distroless = apply('FROM gcr.io/distroless/python3-debian12\nCMD ["app.py"]\n');
  expect(distroless).toBe('FROM gcr.io/distroless/python3-debian12\nCMD ["app.py"]\nUSER 65532\n');
  expect(lintWith([rule], distroless).findings).toEqual([]);
  expect(apply('FROM python:3.12-slim\n')).toBe('FROM python:3.12-slim\nRUN useradd --system --uid 10001 --no-log-init --no-create-home app\nUSER 10001\n');
});

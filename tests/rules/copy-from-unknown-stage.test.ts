import rule from '~/rules/copy-from-unknown-stage';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    df`
      FROM python:3.12-slim AS build
      RUN pip wheel --wheel-dir /wheels flask==3.0.3
      FROM python:3.12-slim
      COPY --from=build /wheels /wheels
    `,
    { name: 'stage index', code: 'FROM python:3.12-slim\nRUN touch /a\nFROM python:3.12-slim\nCOPY --from=0 /a /a\n' },
    { name: 'stage name in other casing', code: 'FROM python:3.12-slim AS Build\nFROM python:3.12-slim\nCOPY --from=BUILD /a /a\n' },
    { name: 'image with a tag', code: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /uvx /bin/\n' },
    { name: 'image with a tag on Docker Hub', code: 'FROM python:3.12-slim\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n' },
    { name: 'image by digest', code: 'FROM python:3.12-slim\nCOPY --from=busybox@sha256:6d9ac9237a84afe1516540f40a0fafdc86859b2141954b4d643af7066d598b74 /bin/busybox /bin/\n' },
    { name: 'ARG resolved to a stage', code: 'ARG SRC=build\nFROM python:3.12-slim AS build\nFROM python:3.12-slim\nARG SRC\nCOPY --from=${SRC} /a /a\n' },
    { name: 'unresolved variable', code: 'FROM python:3.12-slim\nCOPY --from=$SRC /a /a\n' },
    { name: 'mount from a stage', code: 'FROM python:3.12-slim AS build\nFROM python:3.12-slim\nRUN --mount=type=bind,from=build,source=/wheels,target=/wheels pip install /wheels/*.whl\n' },
    { name: 'mount from an image', code: 'FROM python:3.12-slim\nRUN --mount=from=ghcr.io/astral-sh/uv:0.4.18,source=/uv,target=/bin/uv uv --version\n' },
    { name: 'new flags next to --from', code: 'FROM python:3.12-slim AS build\nFROM python:3.12-slim\nCOPY --from=build --link --chmod=755 --parents --exclude=*.pyc /app/ /app/\n' },
  ],
  invalid: [
    {
      name: 'typo',
      code: 'FROM python:3.12-slim AS builder\nFROM python:3.12-slim\nCOPY --from=buidler /wheels /wheels\n',
      errors: [{ messageId: 'typo', line: 3, column: 13, endColumn: 20, message: /Did you mean the stage `builder`\?/ }],
    },
    {
      name: 'bare image name',
      code: 'FROM python:3.12-slim\nCOPY --from=busybox /bin/busybox /bin/\n',
      errors: [{ messageId: 'image', message: /`docker\.io\/library\/busybox:latest`/ }],
    },
    {
      name: 'stage defined later',
      code: 'FROM python:3.12-slim AS app\nCOPY --from=assets /dist /app/static\nFROM node:22-slim AS assets\nRUN npm ci\n',
      errors: [{ messageId: 'later', line: 2, message: /line 3/ }],
    },
    {
      name: 'index beyond the stages',
      code: 'FROM python:3.12-slim\nFROM python:3.12-slim\nCOPY --from=5 /a /a\n',
      errors: [{ messageId: 'noIndex', message: /has 2 stage\(s\)/ }],
    },
    {
      name: 'mount from a typo',
      code: 'FROM python:3.12-slim AS wheels\nFROM python:3.12-slim\nRUN --mount=type=bind,from=wheel,target=/w pip install /w/*.whl\n',
      errors: [{ messageId: 'typo', line: 3, column: 28, endColumn: 33 }],
    },
  ],
});

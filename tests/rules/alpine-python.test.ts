import rule from '~/rules/alpine-python';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir numpy\n',
    { name: 'apk only', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache py3-numpy\n' },
    { name: 'alpine without python packages', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'pip list', code: 'FROM python:3.12-alpine\nRUN pip list\n' },
    { name: 'only pip\'s own tools', code: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir --upgrade pip setuptools==75.1.0 "wheel>=0.44"\n' },
    { name: 'only pip, with an index', code: 'FROM python:3.12-alpine\nRUN python -m pip install -U -i https://pypi.example/simple pip\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir pandas\n', errors: [{ messageId: 'alpine', line: 2, column: 5, endColumn: 16 }] },
    { code: 'FROM python:3.12-alpine3.20\nRUN apk add --no-cache gcc musl-dev && pip3 install --no-cache-dir psycopg2\n', errors: [{ line: 2, column: 40, endColumn: 52 }] },
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip && python3 -m pip install --break-system-packages flask\n', errors: 1 },
    { name: 'pip\'s tools with a requirements file', code: 'FROM python:3.12-alpine\nRUN pip install -U pip -r requirements.txt\n', errors: [{ line: 2, column: 5, endColumn: 16 }] },
    { name: 'pip\'s tools and an application package', code: 'FROM python:3.12-alpine\nRUN pip install --upgrade pip wheel uvicorn==0.30.0\n', errors: [{ line: 2, column: 5, endColumn: 16 }] },
    { name: 'uv', code: 'FROM python:3.12-alpine\nRUN uv pip install --system flask\n', errors: [{ message: /so `uv` builds/ }] },
    { name: 'uv sync on uv\'s alpine image', code: 'FROM ghcr.io/astral-sh/uv:python3.12-alpine\nRUN uv sync --frozen --no-cache\n', errors: [{ line: 2, column: 5, endColumn: 12, message: /so `uv` builds/ }] },
    { name: 'poetry', code: 'FROM python:3.12-alpine\nRUN poetry install --only main\n', errors: [{ line: 2, column: 5, endColumn: 19, message: /so `poetry` builds every package without a musllinux wheel/ }] },
    { name: 'child stage', code: 'FROM python:3.12-alpine AS base\nFROM base\nRUN pip install flask\n', errors: 1 },
  ],
});

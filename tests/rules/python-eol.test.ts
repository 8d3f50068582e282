import rule from '~/rules/python-eol';
import { ruleTester } from '../support/rule-tester';

const now = new Date('2026-11-23');
ruleTester.run(rule, {
  valid: [
    { code: 'FROM python:3.12-slim\n', options: { now } },
    { code: 'FROM python:3.11.9-slim-bookworm\n', options: { now } },
    { name: 'no version', code: 'FROM python:slim\n', options: { now } },
    { name: '3.10 before its end of life', code: 'FROM python:3.10-slim\n', options: { now: new Date('2026-10-30') } },
    { name: 'unknown version from ARG without default', code: 'ARG PY\nFROM python:${PY}-slim\n', options: { now } },
    { name: 'not python', code: 'FROM node:16\n', options: { now } },
    { name: 'uv image on a supported Python', code: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\n', options: { now } },
    { name: 'distroless on Debian 12 (Python 3.11)', code: 'FROM gcr.io/distroless/python3-debian12\n', options: { now } },
    { name: 'PyPy has its own support cycle', code: 'FROM pypy:3.9-slim\n', options: { now } },
  ],
  invalid: [
    { code: 'FROM python:3.8-slim\n', options: { now }, errors: [{ messageId: 'eol', line: 1, column: 13, endColumn: 16, message: /2024-10-07/ }] },
    { code: 'FROM python:3.10.14-bookworm\n', options: { now }, errors: [{ line: 1, column: 13, endColumn: 20 }] },
    { name: 'mirror registry', code: 'FROM registry.example/python:3.9\n', options: { now }, errors: [{ message: /3\.9/ }] },
    { name: 'a variable after the version', code: 'ARG DEBIAN=bookworm\nFROM python:3.9.18-slim-${DEBIAN}\n', options: { now }, errors: [{ line: 2, column: 13, endColumn: 19 }] },
    { name: 'ARG default', code: 'ARG PY=3.7\nFROM python:${PY}-slim AS build\n', options: { now }, errors: [{ line: 2, column: 6, endColumn: 23 }] },
    { name: 'builder stage too', code: 'FROM python:3.9 AS b\nFROM python:3.12-slim\n', options: { now }, errors: [{ line: 1 }] },
    { name: 'the Python of a uv image tag', code: 'FROM ghcr.io/astral-sh/uv:python3.9-bookworm-slim AS build\n', options: { now }, errors: [{ line: 1, column: 33, endColumn: 36, message: /Python 3\.9 reached/ }] },
    { name: 'the Python of another image tag', code: 'FROM nikolaik/python-nodejs:python3.8-nodejs20\n', options: { now }, errors: [{ line: 1, column: 35, endColumn: 38, message: /Python 3\.8 reached/ }] },
    { name: 'distroless on Debian 11 carries Python 3.9', code: 'FROM gcr.io/distroless/python3-debian11:nonroot\n', options: { now }, errors: [{ line: 1, column: 6, endColumn: 48, message: /Python 3\.9 reached/ }] },
    { name: 'the Python of a Jupyter stack tag', code: 'FROM jupyter/scipy-notebook:python-3.10\n', options: { now }, errors: [{ line: 1, column: 36, endColumn: 40, message: /Python 3\.10 reached/ }] },
    { name: 'the Python after a devcontainer image version', code: 'FROM mcr.microsoft.com/devcontainers/python:1-3.9-bookworm\n', options: { now }, errors: [{ line: 1, column: 47, endColumn: 50, message: /Python 3\.9 reached/ }] },
    { name: 'python 2', code: 'FROM python:2\n', options: { now }, errors: [{ message: /2\.7/ }] },
  ],
});

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
    { name: 'USER from a variable', code: 'FROM python:3.12-slim\nARG UID=1000\nUSER $UID\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'micromamba runs as mambauser', code: 'FROM mambaorg/micromamba:1.5.8\nRUN micromamba install -y -n base -f /tmp/env.yaml\n' },
    { name: 'Airflow runs as airflow', code: 'FROM apache/airflow:2.9.2-python3.11\nRUN pip install --no-cache-dir -r /requirements.txt\n' },
    { name: 'Jupyter Docker Stacks on quay.io', code: 'FROM quay.io/jupyter/scipy-notebook:2024-05-27\nRUN pip install altair\n' },
    { name: 'Red Hat UBI Python runs as 1001', code: 'FROM registry.access.redhat.com/ubi9/python-311:latest\nRUN pip install -r requirements.txt\n' },
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
    { name: 'root from a variable default', code: 'FROM python:3.12-slim\nARG U=root\nUSER ${U}\n', errors: [{ messageId: 'rootUser' }] },
    {
      name: 'non-root builder, root final',
      code: df`
        FROM python:3.12 AS build
        USER 1000
        FROM python:3.12-slim`,
      errors: [{ messageId: 'noUser', line: 3 }],
    },
    { name: 'USER root left last on a non-root base', code: 'FROM mambaorg/micromamba:1.5.8\nUSER root\nRUN apt-get update\n', errors: [{ messageId: 'rootUser', line: 2, column: 6, endColumn: 10 }] },
  ],
});

import rule from '~/rules/secrets-in-arg-or-env';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\n',
    { name: 'the python image sets GPG_KEY', code: 'FROM debian:bookworm-slim\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\n' },
    { name: 'a path to a secret', code: 'FROM python:3.12-slim\nENV GOOGLE_APPLICATION_CREDENTIALS_FILE=/run/secrets/gcp\n' },
    { name: 'an empty ENV placeholder, set with docker run -e', code: 'FROM python:3.12-slim\nENV USERNAME="" PASSWORD=""\nENV API_TOKEN=\n' },
    { name: 'a key set to a word that switches it off', code: 'FROM python:3.12-slim\nENV GOOGLE_API_KEY=no GOOGLE_DEFAULT_CLIENT_SECRET=no OPENAI_API_KEY=none\n' },
    { name: 'a switch about a token, with DISABLE inside the name', code: 'FROM python:3.12-slim\nENV HF_HUB_DISABLE_IMPLICIT_TOKEN=1 APP_ENABLE_API_KEY_AUTH=true\n' },
    { name: 'a public key', code: 'FROM python:3.12-slim\nARG PUBLIC_KEY\n' },
    { name: 'front-end build variables are embedded in the bundle browsers download (Netflix dispatch: ARG VITE_SENTRY_APP_KEY)', code: 'FROM node:22 AS web\nARG VITE_SENTRY_APP_KEY\nARG REACT_APP_MAPS_API_KEY GATSBY_ALGOLIA_SEARCH_KEY\nENV NEXT_PUBLIC_STRIPE_KEY=pk_live_1\n' },
    { name: 'a switch with USE inside the name (VITE_…_USE_ID_TOKEN, AUTH_USE_TOKEN)', code: 'FROM python:3.12-slim\nENV AUTH_USE_TOKEN=true USE_API_KEY=1\n' },
    { name: 'a publishable key is public by design', code: 'FROM python:3.12-slim\nARG STRIPE_PUBLISHABLE_KEY\nENV STRIPE_PUBLISHABLE_KEY=$STRIPE_PUBLISHABLE_KEY\n' },
    { name: 'KEYBOARD is not KEY', code: 'FROM python:3.12-slim\nENV KEYBOARD_LAYOUT=us\n' },
    { name: 'apt-key switch', code: 'FROM ubuntu:22.04\nENV APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=1\n' },
    { name: 'BuildKit skips version and file parts', code: 'FROM python:3.12-slim\nARG AUTH_LIB_VERSION=2.1\nENV SECRET_FILE_LOCATION=/run/secrets/x\n' },
    { name: 'where a secret is, not the secret', code: 'FROM python:3.12-slim\nENV SSH_AUTH_SOCK=/run/host-services/ssh-auth.sock POSTGRES_HOST_AUTH_METHOD=trust CACHE_KEY_PREFIX=app AUTH_DOMAIN=example.eu.auth0.com DB_USER_PASSWORD_FILE=/run/secrets/db\n' },
    { name: 'token counts and limits of a language-model server', code: 'FROM vllm/vllm-openai:v0.6.3\nENV TOKEN_LIMIT=4096 MAX_TOKEN=512 NUM_TOKEN_SAMPLES=8 PROMPT_TOKEN_MAX=2048\n' },
    { name: 'settings about a secret', code: 'FROM apache/airflow:2.9.2\nENV AIRFLOW__API__AUTH_BACKENDS=airflow.api.auth.backend.basic_auth ACCESS_TOKEN_EXPIRE_MINUTES=30 AUTH_TYPE=oauth\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nARG API_TOKEN\n', errors: [{ messageId: 'secret', line: 2, column: 5, endColumn: 14 }] },
    { name: 'VITE_ or REACT_APP_ only as a prefix: a server-side name that merely contains it is still reported', code: 'FROM python:3.12-slim\nARG MY_VITE_TOKEN\n', errors: [{ messageId: 'secret', line: 2, column: 5, endColumn: 18 }] },
    { name: 'USER is not USE', code: 'FROM python:3.12-slim\nARG USER_TOKEN\n', errors: [{ messageId: 'secret', line: 2, column: 5, endColumn: 15 }] },
    { name: 'a secret key beside a publishable one', code: 'FROM python:3.12-slim\nENV STRIPE_PUBLISHABLE_KEY=pk_test_1 STRIPE_SECRET_KEY=sk_test_1\n', errors: [{ messageId: 'secret', line: 2, column: 38, endColumn: 55, message: /^`STRIPE_SECRET_KEY` looks like a secret/ }] },
    { name: 'a token beside a token limit', code: 'FROM python:3.12-slim\nENV TOKEN_LIMIT=4096 HF_TOKEN=hf_x\n', errors: [{ messageId: 'secret', line: 2, column: 22, endColumn: 30, message: /^`HF_TOKEN` looks like a secret/ }] },
    { code: 'FROM python:3.12-slim\nENV DB_PASSWORD=hunter2 AWS_SECRET_ACCESS_KEY=abc\n', errors: 2 },
    { code: 'FROM python:3.12-slim\nENV GITHUB_TOKEN ghp_x\n', errors: 1 },
    { code: 'ARG PIP_INDEX_AUTH\nFROM python:3.12-slim\n', errors: 1 },
    { name: 'an ARG with an empty default still records a --build-arg', code: 'FROM python:3.12-slim\nARG API_TOKEN=""\n', errors: [{ messageId: 'secret', line: 2, column: 5, endColumn: 14 }] },
    {
      name: 'an ARG declaring several names',
      code: 'FROM python:3.12-slim\nARG PIP_EXTRA_INDEX_URL GITHUB_TOKEN NPM_TOKEN=\n',
      errors: [{ messageId: 'secret', line: 2, column: 25, endColumn: 37 }, { messageId: 'secret', line: 2, column: 38, endColumn: 47 }],
    },
    { name: 'an ARG default of no is still overridable', code: 'FROM python:3.12-slim\nARG API_KEY=no\n', errors: 1 },
    { name: 'an ENV copied from an ARG', code: 'FROM python:3.12-slim\nARG TOKEN\nENV API_TOKEN=${TOKEN}\n', errors: 2 },
    { name: 'real secrets next to settings', code: 'FROM apache/airflow:2.9.2\nENV AIRFLOW__WEBSERVER__SECRET_KEY=x AIRFLOW__CORE__FERNET_KEY=y AUTH_HEADER=z\n', errors: 3 },
  ],
});

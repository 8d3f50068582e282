import rule from '~/rules/pipefail-missing';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x | tar -xz\n',
    { name: 'set -o pipefail in the RUN', code: 'FROM python:3.12-slim\nRUN set -o pipefail && curl -fsSL https://example.com/x | tar -xz\n' },
    { name: 'no pipe', code: 'FROM python:3.12-slim\nRUN pip install flask || true\n' },
    { name: 'pipe inside quotes', code: 'FROM python:3.12-slim\nRUN echo "a | b"\n' },
    { name: 'SHELL inherited from the parent stage', code: 'FROM debian:bookworm AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN ls | wc -l\n' },
    { name: 'powershell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n', errors: [{ messageId: 'pipe', line: 2, column: 5, endColumn: 51, message: /`curl`/ }] },
    { name: 'SHELL after the RUN does not help', code: 'FROM python:3.12-slim\nRUN wget -qO- x | tar -x\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n', errors: 1 },
    { name: 'heredoc', code: 'FROM python:3.12-slim\nRUN <<EOF\npip freeze | grep flask\nEOF\n', errors: 1 },
  ],
});

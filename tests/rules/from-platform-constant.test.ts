import rule from '~/rules/from-platform-constant';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM --platform=$BUILDPLATFORM python:3.12-slim AS build\n',
    { name: 'braced variable', code: 'FROM --platform=${TARGETPLATFORM} python:3.12-slim\n' },
    { name: 'no flag', code: 'FROM python:3.12-slim\n' },
    { name: 'stage named after the architecture', code: 'FROM --platform=linux/arm64 python:3.12-slim AS wheels-arm64\n' },
    { name: 'stage named after the OS', code: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-tools\n' },
    { name: 'normalised architecture in the name', code: 'FROM --platform=linux/x86_64 python:3.12-slim AS build-amd64\n' },
    { name: 'a build argument', code: 'ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM python:3.12-slim\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 python:3.12-slim\n',
      errors: [{ messageId: 'constant', line: 1, column: 17, endColumn: 28, message: /^`--platform=linux\/amd64` ties this stage/ }],
    },
    {
      name: 'a stage name without the platform',
      code: 'FROM --platform=linux/arm64/v8 python:3.12-slim AS build\n',
      errors: [{ message: /put `arm64` in the stage name/ }],
    },
    {
      name: 'builder and final stage',
      code: df`
        FROM --platform=linux/amd64 python:3.12-slim AS build
        RUN pip wheel --wheel-dir /wheels flask==3.0.3
        FROM --platform=linux/amd64 python:3.12-slim
        COPY --from=build /wheels /wheels
      `,
      errors: [{ line: 1 }, { line: 3 }],
    },
  ],
});

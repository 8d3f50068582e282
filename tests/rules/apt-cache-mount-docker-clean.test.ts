import rule from '~/rules/apt-cache-mount-docker-clean';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    df`
      FROM python:3.12-slim
      RUN rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache
      RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y gcc`,
    { name: 'removed in the same RUN', code: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y curl\n' },
    { name: 'removed in a parent stage', code: 'FROM debian:bookworm AS base\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nFROM base\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n' },
    { name: 'option on the command', code: 'FROM ubuntu:24.04\nRUN --mount=type=cache,target=/var/cache/apt apt-get -o APT::Keep-Downloaded-Packages=true install -y curl\n' },
    { name: 'alpine has no apt', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: 'mount on lists only', code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y gcc\n',
      errors: [{ messageId: 'emptyCache', line: 2, column: 31, endColumn: 45 }],
    },
    {
      name: 'removed after the mount is used',
      code: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\n',
      errors: 1,
    },
    { name: 'ubuntu', code: 'FROM ubuntu:22.04\nRUN --mount=type=cache,target=/var/cache/apt/archives apt-get install -y curl\n', errors: 1 },
  ],
});

import rule from '~/rules/apt-cache-mount-docker-clean';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    { name: 'docker-clean moved away', code: 'FROM python:3.12-slim\nRUN mv /etc/apt/apt.conf.d/docker-clean /root/\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n' },
    df`
      FROM python:3.12-slim
      RUN rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache
      RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y gcc`,
    { name: 'removed in the same RUN', code: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y curl\n' },
    { name: 'removed in a parent stage', code: 'FROM debian:bookworm AS base\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nFROM base\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n' },
    { name: 'option on the command', code: 'FROM ubuntu:24.04\nRUN --mount=type=cache,target=/var/cache/apt apt-get -o APT::Keep-Downloaded-Packages=true install -y curl\n' },
    { name: 'alpine has no apt', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: 'mount on lists only', code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\n' },
    { name: 'heredoc RUN in a parent stage', code: 'FROM ubuntu:24.04 AS base\nRUN <<EOF\nrm -f /etc/apt/apt.conf.d/docker-clean\nEOF\nFROM base\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n' },
    { name: 'keep-cache file written by COPY heredoc', code: 'FROM debian:bookworm\nCOPY <<EOF /etc/apt/apt.conf.d/keep-cache\nBinary::apt::APT::Keep-Downloaded-Packages "true";\nEOF\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n' },
    { name: 'option on the install after update', code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get --option APT::Keep-Downloaded-Packages=1 install -y curl\n' },
    { name: 'Fedora has no docker-clean', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/apt dnf install -y gcc\n' },
    { name: 'unknown base image', code: 'FROM registry.example.com/base:1\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n' },
    { name: 'no apt command in the RUN', code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt ls /var/cache/apt\n' },
    { name: 'global ARG base', code: 'ARG BASE=ubuntu:24.04\nFROM ${BASE}\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked rm -f /etc/apt/apt.conf.d/docker-clean; apt-get update && apt-get install -y curl\n' },
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
    {
      name: 'removed later in the same RUN',
      code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl && rm -f /etc/apt/apt.conf.d/docker-clean\n',
      errors: [{ line: 2, column: 31, endColumn: 45 }],
    },
    {
      name: 'Keep-Downloaded-Packages false does not keep anything',
      code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt apt-get -o APT::Keep-Downloaded-Packages=false install -y curl\n',
      errors: 1,
    },
    {
      name: 'update only, dst alias with trailing slash',
      code: 'FROM python:3.12-slim-bookworm\nRUN --mount=type=cache,dst=/var/cache/apt/,sharing=locked apt-get update\n',
      errors: [{ line: 2, column: 28, endColumn: 43 }],
    },
    {
      name: 'an -o on an earlier RUN lasts only for that command',
      code: 'FROM python:3.12-slim\nRUN apt-get -o APT::Keep-Downloaded-Packages=true update\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get install -y curl\n',
      errors: [{ line: 3, column: 31, endColumn: 45, message: /^This cache mount on `\/var\/cache\/apt` stays empty: Debian and Ubuntu images ship/ }],
    },
    { name: 'CUDA image on Ubuntu', code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y python3\n', errors: 1 },
    { name: 'inherited stage without removal', code: 'FROM python:3.12-slim AS base\nFROM base\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt install -y curl\n', errors: [{ line: 3 }], onbuild: true },
  ],
});

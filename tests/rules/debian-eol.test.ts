import rule from '~/rules/debian-eol';
import { ruleTester } from '../support/rule-tester';

const now = new Date('2026-11-23');
ruleTester.run(rule, {
  valid: [
    { code: 'FROM python:3.12-slim-bookworm\n', options: { now } },
    { code: 'FROM python:3.12-slim\n', options: { now }, name: 'no codename' },
    { code: 'FROM debian:trixie-slim\n', options: { now } },
    { code: 'FROM ubuntu:24.04\n', options: { now } },
    { name: 'bullseye before its LTS end', code: 'FROM python:3.11-slim-bullseye\n', options: { now: new Date('2026-08-01') } },
  ],
  invalid: [
    { code: 'FROM python:3.10-slim-buster\n', options: { now }, errors: [{ messageId: 'eol', line: 1, column: 23, endColumn: 29, message: /buster/ }] },
    { code: 'FROM python:3.11-bullseye\n', options: { now }, errors: [{ column: 18, endColumn: 26 }] },
    { code: 'FROM debian:buster-slim\n', options: { now }, errors: [{ column: 13, endColumn: 19 }] },
    {
      name: 'ubuntu by version: the version, and Ubuntu releases to move to',
      code: 'FROM ubuntu:20.04\n',
      options: { now },
      errors: [{ column: 13, endColumn: 18, message: 'Ubuntu focal (20.04) stopped receiving security updates on 2025-05-31. Move to a supported release (Ubuntu 22.04 (jammy), 24.04 (noble) or 26.04 (resolute)).' }],
    },
    { name: 'the Ubuntu version inside a CUDA tag', code: 'FROM nvidia/cuda:11.8.0-runtime-ubuntu20.04\n', options: { now }, errors: [{ column: 39, endColumn: 44, message: /Ubuntu focal/ }] },
    {
      name: 'debian by version',
      code: 'FROM debian:10-slim\n',
      options: { now },
      errors: [{ column: 13, endColumn: 15, message: 'Debian buster (10) stopped receiving security updates on 2024-06-30. Move to a supported release (Debian bookworm or trixie).' }],
    },
    { code: 'FROM ubuntu:bionic\n', options: { now }, errors: 1 },
  ],
});

import rule from '~/rules/libgl1-mesa-glx-removed';
import { ruleTester } from '../support/rule-tester';

const now = new Date('2026-11-23');
ruleTester.run(rule, {
  valid: [
    { code: 'FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y libgl1-mesa-glx\n', options: { now } },
    { name: 'before the trixie switch', code: 'FROM python:3.12-slim\nRUN apt-get install -y libgl1-mesa-glx\n', options: { now: new Date('2025-07-01') } },
    { code: 'FROM python:3.12-slim\nRUN apt-get install -y libgl1\n', options: { now } },
    { name: 'ubuntu jammy', code: 'FROM ubuntu:22.04\nRUN apt-get install -y libgl1-mesa-glx\n', options: { now } },
    { name: 'alpine', code: 'FROM python:3.12-alpine\nRUN apk add mesa-gl\n', options: { now } },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1-mesa-glx\n',
      options: { now },
      errors: [{ messageId: 'removed', line: 2, column: 66, endColumn: 81, message: /trixie \(what a python tag/ }],
    },
    { code: 'FROM python:3.13-slim-trixie\nRUN apt-get install -y libglib2.0-0 libgl1-mesa-glx\n', options: { now }, errors: [{ message: /Debian trixie:/ }] },
    { code: 'FROM ubuntu:24.04\nRUN apt install -y libgl1-mesa-glx\n', options: { now }, errors: 1 },
    { name: 'child stage', code: 'FROM debian:trixie-slim AS base\nFROM base\nRUN apt-get install -y libgl1-mesa-glx=23.0\n', options: { now }, errors: 1 },
  ],
});

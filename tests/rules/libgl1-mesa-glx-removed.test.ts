import { expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
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
    { name: 'a Python past its end of life before the trixie switch stays on bookworm', code: 'FROM python:3.8-slim\nRUN apt-get install -y libgl1-mesa-glx\n', options: { now } },
    { name: 'debian stable before trixie', code: 'FROM debian:stable-slim\nRUN apt-get install -y libgl1-mesa-glx\n', options: { now: new Date('2025-07-01') } },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1-mesa-glx\n',
      options: { now },
      errors: [{ messageId: 'removed', line: 2, column: 66, endColumn: 81, message: /trixie \(what a python tag/ }],
    },
    { code: 'FROM python:3.13-slim-trixie\nRUN apt-get install -y libglib2.0-0 libgl1-mesa-glx\n', options: { now }, errors: [{ message: /Debian trixie:/ }] },
    { code: 'FROM ubuntu:24.04\nRUN apt install -y libgl1-mesa-glx\n', options: { now }, errors: 1 },
    { name: 'python 3.9 got trixie images before its end of life', code: 'FROM python:3.9-slim\nRUN apt-get install -y libgl1-mesa-glx\n', options: { now }, errors: [{ message: /Debian trixie \(what a python tag/ }] },
    {
      name: 'debian stable',
      code: 'FROM debian:stable-slim\nRUN apt-get install -y libgl1-mesa-glx\n',
      options: { now },
      errors: [{ line: 2, column: 24, endColumn: 39, message: /Debian trixie \(what `debian:stable-slim` points to today\)/ }],
    },
    { name: 'ubuntu latest', code: 'FROM ubuntu\nRUN apt-get install -y libgl1-mesa-glx\n', options: { now }, errors: [{ message: /Ubuntu resolute \(what `ubuntu:latest` points to today\)/ }] },
    { name: 'child stage', code: 'FROM debian:trixie-slim AS base\nFROM base\nRUN apt-get install -y libgl1-mesa-glx=23.0\n', options: { now }, errors: 1 },
  ],
});

it('suggests libgl1 without the version pin of libgl1-mesa-glx, which names no libgl1 build', () => {
  const code = 'FROM debian:trixie-slim\nRUN apt-get install -y libgl1-mesa-glx=22.3.6-1+deb12u1 libglib2.0-0\n';
  const [finding] = lintWith([rule], code, { now }).findings;
  const edit = finding!.suggestions![0]!.edits[0]!;
  expect(code.slice(0, edit.start) + edit.text + code.slice(edit.end)).toBe('FROM debian:trixie-slim\nRUN apt-get install -y libgl1 libglib2.0-0\n');
  const plain = 'FROM debian:trixie-slim\nRUN apt-get install -y libgl1-mesa-glx:amd64\n';
  const e = lintWith([rule], plain, { now }).findings[0]!.suggestions![0]!.edits[0]!;
  expect(plain.slice(0, e.start) + e.text + plain.slice(e.end)).toBe('FROM debian:trixie-slim\nRUN apt-get install -y libgl1:amd64\n');
});

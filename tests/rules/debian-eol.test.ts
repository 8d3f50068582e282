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
    { code: 'FROM ubuntu:20.04\n', options: { now }, errors: [{ message: /focal/ }] },
    { code: 'FROM ubuntu:bionic\n', options: { now }, errors: 1 },
  ],
});

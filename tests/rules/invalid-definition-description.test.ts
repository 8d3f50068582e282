import { describe, expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/invalid-definition-description';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    df`
      # PYTHON_VERSION selects the interpreter of every stage
      ARG PYTHON_VERSION=3.12
      # build compiles the wheels
      FROM python:\${PYTHON_VERSION}-slim AS build
    `,
    {
      name: 'separated by a blank line or an empty comment',
      code: df`
        # a note about the file

        ARG PYTHON_VERSION=3.12
        # another note
        #
        FROM python:3.12-slim AS build
      `,
    },
    { name: 'no comment', code: 'ARG A\nFROM python:3.12-slim AS build\n' },
    { name: 'FROM without AS is not described', code: '# the runtime image\nFROM python:3.12-slim\n' },
    { name: 'a parser directive is not a description', code: '# syntax=docker/dockerfile:1\nFROM python:3.12-slim AS build\n' },
    { name: 'pragmas are not descriptions', code: 'FROM python:3.12-slim\n# hadolint ignore=DL3006\nARG BASE\n# check=skip=StageNameCasing\nFROM base AS Final\n' },
    { name: 'any of several names, on any line of the block', code: 'FROM python:3.12-slim\n# usage: see the README\n# UID of the app user\nARG GID UID=10001\n' },
    { name: 'stage names compare without case', code: '# Build the wheels\nFROM python:3.12-slim AS build\n' },
  ],
  invalid: [
    {
      code: '# a non-descriptive comment\nFROM scratch AS base\n',
      errors: [{ messageId: 'description', line: 1, column: 1, endColumn: 28, message: /`FROM`.*start with `base`/ }],
    },
    {
      name: 'an ARG in a stage, lower case, indented',
      code: 'FROM python:3.12-slim\n  # the version to install\n  arg VERSION=1\n',
      errors: [{ line: 2, column: 3, endColumn: 27, message: /`arg`.*`VERSION`/ }],
    },
    {
      name: 'several keys',
      code: 'FROM python:3.12-slim\n# build settings\nARG A=1 B\n',
      errors: [{ line: 2, message: /`<arg name>`/ }],
    },
    {
      name: 'the line right above is reported',
      code: '# first\n# second\nARG VERSION\n',
      errors: [{ line: 2, column: 1, endColumn: 9 }],
    },
  ],
});

describe('invalid-definition-description suggestion', () => {
  it('separates the comment from the instruction', () => {
    const code = '# a non-descriptive comment\r\nFROM scratch AS base\r\n';
    const result = lintWith([rule], code, { rules: { [rule.name]: 'on' } });
    const fixed = applyFixes(code, result.findings, { unsafe: true });
    expect(fixed.text).toBe('# a non-descriptive comment\r\n\r\nFROM scratch AS base\r\n');
    expect(lintWith([rule], fixed.text, { rules: { [rule.name]: 'on' } }).findings).toEqual([]);
  });
  it('is off by default', () => {
    expect(lintWith([rule], '# x\nARG A\n').findings).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/label-key-invalid';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    { name: 'OCI keys', code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source="https://github.com/example/app" org.opencontainers.image.licenses=MIT\n' },
    { name: 'keys without a namespace', code: 'FROM python:3.12-slim\nLABEL maintainer="team@example.com" version=1.0\n' },
    { name: 'ends with a digit, hyphens and dots', code: 'FROM python:3.12-slim\nLABEL com.example.api-v2=yes io.k8s.display-name=app\n' },
    { name: 'quoted key', code: 'FROM python:3.12-slim\nLABEL "com.example.vendor"="ACME Inc."\n' },
    { name: 'legacy whitespace form', code: 'FROM python:3.12-slim\nLABEL description This is the app\n' },
    { name: 'continuation lines', code: df`
        FROM python:3.12-slim
        LABEL org.opencontainers.image.title="app" \\
              org.opencontainers.image.vendor="Example"
      ` },
    { name: 'Docker Desktop extension labels are documented by Docker', code: 'FROM alpine:3.20\nLABEL com.docker.desktop.extension.api.version=">= 0.3.0" com.docker.extension.publisher-url="https://example.com"\n' },
    { name: 'key from a variable', code: 'FROM python:3.12-slim\nARG KEY\nLABEL $KEY=value\n' },
    { name: 'key from a variable with a good default', code: 'FROM python:3.12-slim\nARG KEY=com.example.team\nLABEL ${KEY}=data\n' },
    { name: 'a key the label schema asks for is accepted as written', code: 'FROM python:3.12-slim\nLABEL IMAGEPRIVACY=true\n', options: { settings: { labelSchema: { IMAGEPRIVACY: 'text' } } } },
    { name: 'other instructions', code: 'FROM python:3.12-slim\nENV MY_VAR=1\nARG Build_Arg=2\n' },
  ],
  invalid: [
    {
      name: 'upper-case letters',
      code: 'FROM python:3.12-slim\nLABEL Maintainer="team@example.com"\n',
      errors: [{ messageId: 'format', line: 2, column: 7, endColumn: 17, message: 'Label key `Maintainer` does not follow Docker\'s key format: it has upper-case letters. Use lower-case letters, digits, `.` and `-`, starting with a letter (`maintainer`).' }],
    },
    {
      name: 'underscore',
      code: 'FROM python:3.12-slim\nLABEL com.example.build_date=2024\n',
      errors: [{ messageId: 'format', column: 7, endColumn: 29, message: /it contains `_`.*\(`com\.example\.build-date`\)/ }],
    },
    {
      name: 'slash and consecutive separators',
      code: 'FROM python:3.12-slim\nLABEL my.label/x=1 com..example=2 a--b=3\n',
      errors: [{ message: /contains `\/`/ }, { message: /consecutive separators/ }, { message: /consecutive separators/ }],
    },
    {
      name: 'starts with a digit or ends with a separator',
      code: 'FROM python:3.12-slim\nLABEL 1abc=x abc.=y -abc=z\n',
      errors: [{ message: /does not start with a lower-case letter/ }, { message: /does not end with a letter or digit/ }, { message: /does not start with a lower-case letter/ }],
    },
    {
      name: 'reserved namespaces',
      code: 'FROM python:3.12-slim\nLABEL com.docker.app=1 io.docker.x=2 org.dockerproject.y=3\n',
      errors: [
        { messageId: 'reserved', column: 7, endColumn: 21, message: /`com\.docker` namespace, which Docker reserves/ },
        { messageId: 'reserved', message: /`io\.docker`/ },
        { messageId: 'reserved', message: /`org\.dockerproject`/ },
      ],
    },
    {
      name: 'quoted key with a space; second line of a continuation',
      code: df`
        FROM python:3.12-slim
        LABEL org.opencontainers.image.title="app" \\
              "Build Host"=ci
      `,
      errors: [{ line: 3, column: 7, endColumn: 19 }],
    },
    {
      name: 'legacy form, lower-case instruction',
      code: 'FROM python:3.12-slim\nlabel Description An app\n',
      errors: [{ line: 2, column: 7, endColumn: 18 }],
    },
    {
      name: 'every stage, and ONBUILD',
      code: 'FROM python:3.12-slim AS build\nLABEL Stage=build\nFROM python:3.12-slim\nONBUILD LABEL Team=x\n',
      errors: [{ line: 2 }, { line: 4, column: 15 }],
    },
    {
      name: 'key from a variable resolving to a bad key',
      code: 'FROM python:3.12-slim\nARG KEY=Team\nLABEL ${KEY}=x\n',
      errors: [{ line: 3, message: /`Team`/ }],
    },
    {
      name: 'a schema does not excuse keys it does not list',
      code: 'FROM python:3.12-slim\nLABEL Owner=x\n',
      options: { settings: { labelSchema: { IMAGEPRIVACY: 'text' } } },
      errors: 1,
    },
  ],
});

describe('label-key-invalid suggestions', () => {
  const suggest = (code: string) => lintWith([rule], code).findings.map((f) => f.suggestions?.[0]);
  it('renames to the recommended form, inside the quotes', () => {
    const code = 'FROM python:3.12-slim\nLABEL "Com.Example_Vendor"="ACME" Maintainer=x\n';
    const findings = lintWith([rule], code).findings;
    expect(findings.every((f) => !f.fix)).toBe(true);
    const fixed = applyFixes(code, findings.map((f) => ({ ...f, fix: f.suggestions![0]! })));
    expect(fixed.text).toBe('FROM python:3.12-slim\nLABEL "com.example-vendor"="ACME" maintainer=x\n');
  });
  it('offers nothing when no obvious name exists', () => {
    expect(suggest('FROM python:3.12-slim\nLABEL com.docker.app=1\n')).toEqual([undefined]);
    expect(suggest('FROM python:3.12-slim\nLABEL 123=1\n')).toEqual([undefined]);
  });
});

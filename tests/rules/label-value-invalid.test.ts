import { describe, expect, it } from 'vitest';
import { isEmail, isGitHash, isRfc3339, isSemver, isSpdx, isUrl } from '~/engine/labels';
import rule from '~/rules/label-value-invalid';
import { df, ruleTester } from '../support/rule-tester';

const schema = {
  settings: {
    labelSchema: {
      'org.opencontainers.image.source': 'url',
      'org.opencontainers.image.created': 'rfc3339',
      'org.opencontainers.image.licenses': 'spdx',
      'org.opencontainers.image.revision': 'hash',
      'org.opencontainers.image.version': 'semver',
      'org.opencontainers.image.authors': 'email',
      'org.opencontainers.image.title': 'text',
    },
  },
} as const;

ruleTester.run(rule, {
  valid: [
    { name: 'no schema: values are free', code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version=latest\n' },
    {
      name: 'every type well-formed',
      code: df`
        FROM python:3.12-slim
        LABEL org.opencontainers.image.source="https://github.com/example/app" \\
              org.opencontainers.image.created="2025-04-07T12:30:00Z" \\
              org.opencontainers.image.licenses="MIT OR Apache-2.0" \\
              org.opencontainers.image.revision=4b825dc642cb6eb9a060e54bf8d69288fbee4904 \\
              org.opencontainers.image.version=2.0.0-rc.1 \\
              org.opencontainers.image.authors="Platform Team <platform@example.com>" \\
              org.opencontainers.image.title="anything at all"
      `,
      options: schema,
    },
    {
      name: 'values from build arguments are decided at build time',
      code: df`
        FROM python:3.12-slim
        ARG BUILD_DATE GIT_COMMIT VERSION=dev
        LABEL org.opencontainers.image.created=$BUILD_DATE \\
              org.opencontainers.image.revision="\${GIT_COMMIT}" \\
              org.opencontainers.image.version="v\${VERSION}"
      `,
      options: schema,
    },
    { name: 'short hash, SHA-256 hash, space-separated time, offsets', code: `FROM python:3.12-slim\nLABEL org.opencontainers.image.revision=4b825dc org.opencontainers.image.created="2025-04-07 12:30:00+02:00"\nLABEL org.opencontainers.image.revision=${'ab'.repeat(32)}\n`, options: schema },
    { name: 'SPDX with exception, LicenseRef, parentheses', code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.licenses="(GPL-2.0-only WITH Classpath-exception-2.0) AND LicenseRef-Internal"\n', options: schema },
    { name: 'empty values belong to label-empty', code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source=""\n', options: schema },
    { name: 'labels outside the schema', code: 'FROM python:3.12-slim\nLABEL com.example.url=not-a-url\n', options: schema },
    { name: 'ONBUILD is for child images', code: 'FROM python:3.12-slim\nONBUILD LABEL org.opencontainers.image.version=latest\n', options: schema },
  ],
  invalid: [
    {
      name: 'URL without a scheme',
      code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source=github.com/example/app\n',
      options: schema,
      errors: [{ messageId: 'url', line: 2, column: 39, endColumn: 61, message: 'Label `org.opencontainers.image.source` is `github.com/example/app`, which is not a URL as the label schema requires. Write an absolute URL with its scheme, such as `https://github.com/example/app`.' }],
    },
    {
      name: 'date only; time without offset',
      code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.created=2025-04-07\nLABEL org.opencontainers.image.created="2025-04-07T12:30:00"\n',
      options: schema,
      errors: [{ messageId: 'rfc3339', line: 2 }, { messageId: 'rfc3339', line: 3, column: 40, endColumn: 61 }],
    },
    {
      name: 'impossible date',
      code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.created=2023-02-29T10:00:00Z\n',
      options: schema,
      errors: [{ messageId: 'rfc3339' }],
    },
    {
      name: 'not an SPDX expression',
      code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.licenses="Apache 2"\n',
      options: schema,
      errors: [{ messageId: 'spdx', message: /`Apache 2`.*SPDX license expression/ }],
    },
    {
      name: 'hash: a branch name, six digits',
      code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.revision=main\nLABEL org.opencontainers.image.revision=abc123\n',
      options: schema,
      errors: [{ messageId: 'hash', line: 2 }, { messageId: 'hash', line: 3 }],
    },
    {
      name: 'semver: a v prefix gets a hint; two components',
      code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version=v1.2.3\nLABEL org.opencontainers.image.version=1.2\n',
      options: schema,
      errors: [
        { messageId: 'semver', message: /\(drop the leading `v`: `1\.2\.3`\)\.$/ },
        { messageId: 'semver', message: /such as `1\.4\.0` or `2\.0\.0-rc\.1`\.$/ },
      ],
    },
    {
      name: 'email without a domain; lower-case instruction; legacy form; builder stage',
      code: 'FROM python:3.12-slim AS build\nlabel org.opencontainers.image.authors platform team\nFROM python:3.12-slim\n',
      options: schema,
      errors: [{ messageId: 'email', line: 2, column: 40, endColumn: 53 }],
    },
    {
      name: 'several values of one LABEL over continuation lines',
      code: df`
        FROM python:3.12-slim
        LABEL org.opencontainers.image.source="git@github.com:example/app.git" \\
              org.opencontainers.image.version=latest
      `,
      options: schema,
      errors: [{ messageId: 'url', line: 2 }, { messageId: 'semver', line: 3, column: 40, endColumn: 46 }],
    },
  ],
});

describe('label formats', () => {
  it('url', () => {
    for (const ok of ['https://github.com/example/app', 'http://localhost:8000/x?y=1#z', 'mailto:team@example.com', 'urn:isbn:0451450523']) expect(isUrl(ok), ok).toBe(true);
    for (const bad of ['github.com/example/app', 'https://', 'https:example.com', 'http://a b', 'https://x/%zz', '']) expect(isUrl(bad), bad).toBe(false);
  });
  it('rfc3339', () => {
    for (const ok of ['2024-02-29T10:00:00Z', '2025-04-07t12:30:00.123456+05:30', '2016-12-31T23:59:60Z', '2025-04-07 12:30:00-07:00']) expect(isRfc3339(ok), ok).toBe(true);
    for (const bad of ['2023-02-29T10:00:00Z', '2025-13-01T00:00:00Z', '2025-04-07T24:00:00Z', '2025-04-07T12:30:00+25:00', '2025-04-07T12:30Z', '1712345678']) expect(isRfc3339(bad), bad).toBe(false);
  });
  it('spdx', () => {
    for (const ok of ['MIT', 'Apache-2.0', 'GPL-3.0-or-later', 'MIT AND (BSD-2-Clause OR Apache-2.0)', 'LicenseRef-Proprietary']) expect(isSpdx(ok), ok).toBe(true);
    for (const bad of ['Proprietary', 'Apache 2.0', 'MIT OR', 'MIT/Apache-2.0']) expect(isSpdx(bad), bad).toBe(false);
  });
  it('hash', () => {
    expect(isGitHash('4b825dc')).toBe(true);
    expect(isGitHash('4b825dc642cb')).toBe(true);
    expect(isGitHash('4b825dc642cb6eb9a060e54bf8d69288fbee4904')).toBe(true);
    expect(isGitHash('4b825dc642cb6eb9a060e54bf8d69288fbee49041')).toBe(false);
    expect(isGitHash('HEAD')).toBe(false);
  });
  it('semver', () => {
    for (const ok of ['0.0.1', '1.2.3-alpha.1+build.5', '10.20.30']) expect(isSemver(ok), ok).toBe(true);
    for (const bad of ['v1.2.3', '1.2', '01.2.3', ' 1.2.3', '1.2.3.4', 'latest']) expect(isSemver(bad), bad).toBe(false);
  });
  it('email', () => {
    for (const ok of ['team@example.com', 'Jane Doe <jane@example.com>', '"Doe, Jane" <jane@example.com>', 'first.last+tag@sub.example.org']) expect(isEmail(ok), ok).toBe(true);
    for (const bad of ['team', 'team@', '@example.com', 'a@@b.com', 'Jane <jane>', 'a@b.com, c@d.com']) expect(isEmail(bad), bad).toBe(false);
  });
});

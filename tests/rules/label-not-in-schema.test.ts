import rule from '~/rules/label-not-in-schema';
import { df, ruleTester } from '../support/rule-tester';

const strict = { settings: { labelSchema: { 'org.opencontainers.image.source': 'url', maintainer: 'email' }, strictLabels: true } };

ruleTester.run(rule, {
  valid: [
    { name: 'strictLabels off', code: 'FROM python:3.12-slim\nLABEL anything=1\n', options: { settings: { labelSchema: { maintainer: 'email' } } } },
    { name: 'strictLabels false', code: 'FROM python:3.12-slim\nLABEL anything=1\n', options: { settings: { labelSchema: { maintainer: 'email' }, strictLabels: false } } },
    { name: 'nothing configured', code: 'FROM python:3.12-slim\nLABEL anything=1\n' },
    {
      name: 'only schema labels',
      code: df`
        FROM python:3.12-slim
        LABEL org.opencontainers.image.source="https://github.com/example/app" \\
              maintainer="team@example.com"
      `,
      options: strict,
    },
    { name: 'quoted schema key', code: 'FROM python:3.12-slim\nLABEL "maintainer"="team@example.com"\n', options: strict },
    { name: 'unknown key from a variable', code: 'FROM python:3.12-slim\nARG KEY\nLABEL $KEY=1\n', options: strict },
    { name: 'ONBUILD labels belong to child images', code: 'FROM python:3.12-slim\nONBUILD LABEL child=1\n', options: strict },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nLABEL maintainer="team@example.com" com.example.team=data\n',
      options: strict,
      errors: [{ messageId: 'extra', line: 2, column: 37, endColumn: 53, message: 'Label `com.example.team` is not in the label schema, and `settings.strictLabels` allows only the labels it lists. Remove the label, or add it to `settings.labelSchema`.' }],
    },
    {
      name: 'each extra label, in every stage, legacy form, lower-case',
      code: 'FROM python:3.12-slim AS build\nlabel stage build\nFROM python:3.12-slim\nLABEL version=1 Maintainer=x\n',
      options: strict,
      errors: [{ line: 2, column: 7, endColumn: 12 }, { line: 4, column: 7 }, { line: 4, column: 17 }],
    },
    {
      name: 'strict without a schema: every label is extra',
      code: 'FROM python:3.12-slim\nLABEL maintainer=x\n',
      options: { settings: { strictLabels: true } },
      errors: 1,
    },
    {
      name: 'key from a variable with a default',
      code: 'FROM python:3.12-slim\nARG KEY=com.example.extra\nLABEL ${KEY}=1\n',
      options: strict,
      errors: [{ message: /`com\.example\.extra`/ }],
    },
  ],
});

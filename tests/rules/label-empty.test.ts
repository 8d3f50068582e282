import rule from '~/rules/label-empty';
import { df, ruleTester } from '../support/rule-tester';

const schema = { settings: { labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.description': 'text' } } };

ruleTester.run(rule, {
  valid: [
    { name: 'no schema: empty labels are allowed (they clear inherited ones)', code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source=""\n' },
    { name: 'labels outside the schema', code: 'FROM python:3.12-slim\nLABEL com.example.note=""\n', options: schema },
    { name: 'values set', code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source=https://example.com org.opencontainers.image.description="An app"\n', options: schema },
    { name: 'value from a build argument', code: 'FROM python:3.12-slim\nARG SOURCE\nLABEL org.opencontainers.image.source=$SOURCE org.opencontainers.image.description="${DESC:-}"\n', options: schema },
    { name: 'ONBUILD is for child images', code: 'FROM python:3.12-slim\nONBUILD LABEL org.opencontainers.image.source=""\n', options: schema },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source=""\n',
      options: schema,
      errors: [{ messageId: 'empty', line: 2, column: 39, endColumn: 41, message: 'Label `org.opencontainers.image.source` is empty, but the label schema expects a URL. Give it a value, or pass one at build time (`LABEL org.opencontainers.image.source=$VALUE` with an `ARG`).' }],
    },
    {
      name: 'no value after = marks the key; text type; whitespace only',
      code: df`
        FROM python:3.12-slim AS base
        LABEL org.opencontainers.image.description= \\
              org.opencontainers.image.source="   "
      `,
      options: schema,
      errors: [{ line: 2, column: 7, endColumn: 43, message: /expects a value\./ }, { line: 3, message: /expects a URL/ }],
    },
    {
      name: 'single quotes, lower-case instruction, builder stage',
      code: "FROM python:3.12-slim AS build\nlabel org.opencontainers.image.source=''\nFROM python:3.12-slim\n",
      options: schema,
      errors: [{ line: 2 }],
    },
  ],
});

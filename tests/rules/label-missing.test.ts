import rule from '~/rules/label-missing';
import { df, ruleTester } from '../support/rule-tester';

const schema = { settings: { labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver' } } };

ruleTester.run(rule, {
  valid: [
    { name: 'no schema configured: nothing to require', code: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n' },
    { name: 'empty schema', code: 'FROM python:3.12-slim\n', options: { settings: { labelSchema: {} } } },
    {
      name: 'all labels in the final stage',
      code: df`
        FROM python:3.12-slim
        LABEL org.opencontainers.image.source="https://github.com/example/app" \\
              org.opencontainers.image.version=1.4.0
      `,
      options: schema,
    },
    {
      name: 'builder stages need no labels (hadolint #758)',
      code: df`
        FROM python:3.12-slim AS build
        RUN pip wheel --wheel-dir /wheels flask
        FROM python:3.12-slim
        LABEL org.opencontainers.image.source=https://github.com/example/app org.opencontainers.image.version=1.4.0
        COPY --from=build /wheels /wheels
      `,
      options: schema,
    },
    {
      name: 'labels inherited from a parent stage',
      code: df`
        FROM python:3.12-slim AS base
        LABEL org.opencontainers.image.source=https://github.com/example/app
        FROM base AS runtime
        LABEL org.opencontainers.image.version=1.4.0
        FROM runtime
        CMD ["python", "-m", "app"]
      `,
      options: schema,
    },
    {
      name: 'values from build arguments count as present',
      code: 'FROM python:3.12-slim\nARG SOURCE VERSION\nLABEL org.opencontainers.image.source=$SOURCE org.opencontainers.image.version="${VERSION}"\n',
      options: schema,
    },
    {
      name: 'a key from an unknown variable could be any label',
      code: 'FROM python:3.12-slim\nARG KEY\nLABEL org.opencontainers.image.source=https://example.com $KEY=1\n',
      options: schema,
    },
    {
      name: '--target picks the stage that ships',
      code: 'FROM python:3.12-slim AS app\nLABEL org.opencontainers.image.source=https://example.com org.opencontainers.image.version=1.0.0\nFROM app AS test\nRUN pytest\n',
      options: { ...schema, target: 'app' },
    },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
      options: schema,
      errors: [
        { messageId: 'missing', line: 1, column: 6, endColumn: 22, message: 'The final image has no `org.opencontainers.image.source` label, which the label schema requires. Add `LABEL org.opencontainers.image.source=…` to the final stage (or to a stage it is built `FROM`).' },
        { messageId: 'missing', message: /`org\.opencontainers\.image\.version`/ },
      ],
    },
    {
      name: 'labels of an unrelated builder stage do not reach the final image',
      code: df`
        FROM python:3.12-slim AS build
        LABEL org.opencontainers.image.source=https://example.com org.opencontainers.image.version=1.0.0
        FROM python:3.12-slim
        COPY --from=build /app /app
      `,
      options: schema,
      errors: [{ line: 3, message: /source/ }, { line: 3, message: /version/ }],
    },
    {
      name: 'one of two present; lower-case instruction; keys compare exactly',
      code: 'from python:3.12-slim\nlabel org.opencontainers.image.source=https://example.com ORG.OPENCONTAINERS.IMAGE.VERSION=1.0.0\n',
      options: schema,
      errors: [{ message: /`org\.opencontainers\.image\.version`/ }],
    },
    {
      name: 'ONBUILD LABEL applies to child images only',
      code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source=https://example.com\nONBUILD LABEL org.opencontainers.image.version=1.0.0\n',
      options: schema,
      errors: [{ message: /version/ }],
    },
    {
      name: 'the final stage of a --target build',
      code: 'FROM python:3.12-slim AS app\nFROM app AS test\nLABEL org.opencontainers.image.source=https://example.com org.opencontainers.image.version=1.0.0\n',
      options: { ...schema, target: 'app' },
      errors: [{ line: 1, message: /source/ }, { line: 1, message: /version/ }],
    },
  ],
});

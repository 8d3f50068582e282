import rule from '~/rules/wheels-left-in-image';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    df`
      FROM python:3.12 AS builder
      RUN pip wheel --wheel-dir /wheels -r requirements.txt
      FROM python:3.12-slim
      RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels pip install --no-cache-dir --no-index /wheels/*`,
    { name: 'wheels copied into a builder only', code: 'FROM python:3.12 AS a\nFROM python:3.12 AS b\nCOPY --from=a /wheels /wheels\nRUN pip install /wheels/*\nFROM python:3.12-slim\n' },
    { name: 'copied but not installed', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /wheels /srv/wheels\n' },
  ],
  invalid: [
    {
      name: 'the testdriven pattern',
      code: df`
        FROM python:3.12 AS builder
        RUN pip wheel --no-cache-dir --wheel-dir /app/wheels -r requirements.txt
        FROM python:3.12-slim
        COPY --from=builder /app/wheels /wheels
        RUN pip install --no-cache /wheels/*`,
      errors: [{ messageId: 'left', line: 4, column: 21, endColumn: 32, message: /line 5/ }],
    },
    {
      name: 'deleting later does not help',
      code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /wheelhouse /tmp/wh\nRUN pip install --no-index --find-links /tmp/wh flask && rm -rf /tmp/wh\n',
      errors: 1,
    },
    { name: 'a single wheel file', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /dist/app-1.0-py3-none-any.whl /tmp/\nRUN pip install /tmp/app-1.0-py3-none-any.whl\n', errors: 1 },
  ],
});

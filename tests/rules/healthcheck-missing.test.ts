import rule from '~/rules/healthcheck-missing';
import { rules } from '~/rules/index';
import { lintWith } from '~/engine/lint';
import { describe, expect, it } from 'vitest';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    {
      name: 'a HEALTHCHECK in the final stage',
      code: df`
        FROM python:3.12-slim
        HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]
        CMD ["gunicorn", "app:app"]
      `,
    },
    { name: 'HEALTHCHECK NONE is a decision', code: 'FROM python:3.12-slim\nHEALTHCHECK NONE\nCMD ["python", "app.py"]\n' },
    {
      name: 'inherited from a parent stage',
      code: df`
        FROM python:3.12-slim AS base
        healthcheck CMD python -c "import socket; socket.create_connection(('localhost', 8000))"
        FROM base
        CMD ["python", "app.py"]
      `,
    },
    {
      name: 'builder stages need none (hadolint #843)',
      code: 'FROM python:3.12-slim AS build\nRUN pip wheel -w /w flask\nFROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    },
    { name: 'no stage at all', code: 'ARG X=1\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 6, endColumn: 22, message: 'The final image has no `HEALTHCHECK`, so Docker, Compose and Swarm cannot tell a hung app from a healthy one. Add `HEALTHCHECK CMD …` that probes the app, or `HEALTHCHECK NONE` if your orchestrator checks health itself.' }],
    },
    {
      name: 'reported once, on the final stage only',
      code: 'FROM python:3.12-slim AS build\nRUN pip wheel -w /w flask\nFROM python:3.12-slim AS runtime\nCOPY --from=build /w /w\n',
      errors: [{ line: 3, column: 6 }],
    },
    {
      name: 'a HEALTHCHECK in an unrelated stage does not reach the final image',
      code: 'FROM python:3.12-slim AS other\nHEALTHCHECK NONE\nFROM python:3.12-slim\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'ONBUILD HEALTHCHECK applies to child images only',
      code: 'FROM python:3.12-slim\nONBUILD HEALTHCHECK CMD true\n',
      errors: 1,
    },
    {
      name: '--target picks the stage that ships',
      code: 'FROM python:3.12-slim AS app\nFROM app AS test\nHEALTHCHECK NONE\n',
      options: { target: 'app' },
      errors: [{ line: 1 }],
    },
  ],
});

describe('healthcheck-missing default', () => {
  it('is off unless turned on', () => {
    expect(rule.meta.enabledByDefault).toBe(false);
    const found = lintWith(rules, 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n').findings;
    expect(found.some((f) => f.rule === 'healthcheck-missing')).toBe(false);
  });
});

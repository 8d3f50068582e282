import { expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/pipenv-no-deploy';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pipenv install --system --deploy\n',
    { name: '--ignore-pipfile installs the lock', code: 'FROM python:3.12-slim\nRUN pipenv install --ignore-pipfile\n' },
    { name: 'pipenv sync installs the lock', code: 'FROM python:3.12-slim\nRUN pipenv sync --system\n' },
    { name: 'a named package is another operation', code: 'FROM python:3.12-slim\nRUN pipenv install gunicorn\n' },
    { name: 'editable package', code: 'FROM python:3.12-slim\nRUN pipenv install -e .\n' },
    { name: 'requirements file with --deploy', code: 'FROM python:3.12-slim\nRUN pipenv install -r requirements.txt --system --deploy\n' },
    { name: 'installing pipenv itself', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir pipenv\n' },
    { name: 'pipenv run', code: 'FROM python:3.12-slim\nCMD ["pipenv", "run", "gunicorn", "app:app"]\n' },
    { name: 'importing a requirements file is another operation', code: 'FROM python:3.12-slim\nRUN pipenv install -r requirements.txt --system\n' },
    { name: 'PIPENV_DEPLOY set with ENV', code: 'FROM python:3.12-slim\nENV PIPENV_DEPLOY=1 PIPENV_SYSTEM=1\nRUN pipenv install\n' },
    { name: 'PIPENV_IGNORE_PIPFILE in front of the command', code: 'FROM python:3.12-slim\nRUN PIPENV_IGNORE_PIPFILE=true pipenv install --system\n' },
    { name: 'locked on purpose in the same RUN', code: 'FROM python:3.12-slim\nRUN pipenv lock && pipenv install --system\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN pip install pipenv && pipenv install --system\n',
      errors: [{ messageId: 'noDeploy', line: 2, column: 27, endColumn: 41 }],
      output: null,
    },
    { name: 'global option before install', code: 'FROM python:3.12-slim\nRUN pipenv --python 3.12 install --dev\n', errors: [{ column: 5, endColumn: 33 }] },
    { name: '--skip-lock: its own message, on the flag', code: 'FROM python:3.12-slim\nRUN pipenv install --skip-lock --system\n', errors: [{ messageId: 'skipLock', line: 2, column: 20, endColumn: 31 }] },
    { name: 'exec form', code: 'FROM python:3.12-slim\nRUN ["pipenv", "install", "--system"]\n', errors: [{ column: 6, endColumn: 25 }] },
    { name: 'env wrapper and continuation', code: 'FROM python:3.12-slim\nRUN PIPENV_VENV_IN_PROJECT=1 \\\n    pipenv install\n', errors: [{ line: 3, column: 5, endColumn: 19 }], onbuild: true },
    { name: 'builder stage', code: 'FROM python:3.12 AS build\nRUN pipenv install\nFROM python:3.12-slim\n', errors: 1 },
    { name: 'PIPENV_DEPLOY=0', code: 'FROM python:3.12-slim\nENV PIPENV_DEPLOY=0\nRUN pipenv install --system\n', errors: [{ line: 3, column: 5, endColumn: 19 }] },
    { name: 'a lock after the install does not count', code: 'FROM python:3.12-slim\nRUN pipenv install --system && pipenv lock\n', errors: [{ line: 2, column: 5, endColumn: 19 }] },
    { name: '--skip-lock with --deploy still ignores the lock', code: 'FROM python:3.12-slim\nRUN ["pipenv", "install", "--deploy", "--skip-lock"]\n', errors: [{ messageId: 'skipLock', line: 2, column: 39, endColumn: 52 }] },
  ],
});

it('replaces --skip-lock with --deploy, which then installs from the lock', () => {
  const text = 'FROM python:3.12-slim\nRUN pipenv install --skip-lock --system\n';
  const [f] = lintWith([rule], text).findings;
  const edit = f!.suggestions?.[0]?.edits[0];
  const fixed = text.slice(0, edit!.start) + edit!.text + text.slice(edit!.end);
  expect(fixed).toBe('FROM python:3.12-slim\nRUN pipenv install --deploy --system\n');
  expect(lintWith([rule], fixed).findings).toEqual([]);
});

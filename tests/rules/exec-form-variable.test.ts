import rule from '~/rules/exec-form-variable';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
    { name: 'shell form expands', code: 'FROM python:3.12-slim\nCMD gunicorn -b 0.0.0.0:$PORT app:app\n' },
    { name: 'sh -c expands', code: 'FROM python:3.12-slim\nCMD ["sh", "-c", "exec gunicorn -b 0.0.0.0:$PORT app:app"]\n' },
    { name: '/bin/bash -c expands', code: 'FROM python:3.12-slim\nENTRYPOINT ["/bin/bash", "-c", "echo $HOME"]\n' },
    { name: 'a price, not a variable', code: 'FROM python:3.12-slim\nCMD ["echo", "costs $5"]\n' },
    { name: 'sh -c behind an init', code: 'FROM python:3.12-slim\nENTRYPOINT ["tini", "--", "sh", "-c", "exec gunicorn -b 0.0.0.0:$PORT app:app"]\n' },
    { name: 'sh -c with other options first', code: 'FROM python:3.12-slim\nCMD ["/bin/bash", "-o", "pipefail", "-c", "exec uvicorn app:app --port $PORT"]\n' },
    { name: 'the CMD is the script of an ENTRYPOINT ending in -c', code: 'FROM python:3.12-slim\nENTRYPOINT ["/bin/sh", "-c"]\nCMD ["exec uvicorn app:app --port $PORT"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCMD ["gunicorn", "-b", "0.0.0.0:$PORT", "app:app"]\n',
      errors: [{ messageId: "literal", line: 2, column: 33, endColumn: 38 }],
    },
    {
      code: 'FROM python:3.12-slim\nENTRYPOINT ["python", "${APP_HOME}/main.py"]\n',
      errors: [{ messageId: 'literal', line: 2, column: 24, endColumn: 35 }],
    },
    {
      name: 'arguments after the script are positional parameters, not expanded',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["sh", "-c", "exec \\"$@\\"", "--"]\nCMD ["python", "$APP"]\n',
      errors: [{ messageId: 'literal', line: 3, column: 17, endColumn: 21 }],
    },
    {
      name: 'an init wrapper runs no shell',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["tini", "--", "gunicorn", "-b", "0.0.0.0:$PORT", "app:app"]\n',
      errors: [{ messageId: 'literal', line: 2 }],
    },
    {
      name: 'two variables',
      code: 'FROM python:3.12-slim\nCMD ["uvicorn", "app:app", "--host", "$HOST", "--port", "$PORT"]\n',
      errors: 2,
    },
  ],
});

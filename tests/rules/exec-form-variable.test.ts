import rule from '~/rules/exec-form-variable';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
    { name: 'shell form expands', code: 'FROM python:3.12-slim\nCMD gunicorn -b 0.0.0.0:$PORT app:app\n' },
    { name: 'sh -c expands', code: 'FROM python:3.12-slim\nCMD ["sh", "-c", "exec gunicorn -b 0.0.0.0:$PORT app:app"]\n' },
    { name: '/bin/bash -c expands', code: 'FROM python:3.12-slim\nENTRYPOINT ["/bin/bash", "-c", "echo $HOME"]\n' },
    { name: 'a price, not a variable', code: 'FROM python:3.12-slim\nCMD ["echo", "costs $5"]\n' },
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
      name: 'two variables',
      code: 'FROM python:3.12-slim\nCMD ["uvicorn", "app:app", "--host", "$HOST", "--port", "$PORT"]\n',
      errors: 2,
    },
  ],
});

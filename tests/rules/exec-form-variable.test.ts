import { expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
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
    { name: 'a shell at another path', code: 'FROM python:3.12-slim\nENTRYPOINT ["/usr/local/bin/bash", "-c", "exec gunicorn -b :$PORT app:app"]\n' },
    { name: 'exec-form RUN through a shell', code: 'FROM python:3.12-slim\nRUN ["/bin/bash", "-c", "pip install flask==$FLASK_VERSION"]\n' },
    { name: 'shell-form HEALTHCHECK expands', code: 'FROM python:3.12-slim\nHEALTHCHECK --interval=30s CMD curl -fs http://localhost:$PORT/health || exit 1\n' },
    { name: 'exec-form HEALTHCHECK through sh -c', code: 'FROM python:3.12-slim\nHEALTHCHECK CMD ["sh", "-c", "curl -fs http://localhost:$PORT/health"]\n' },
    { name: 'HEALTHCHECK NONE', code: 'FROM python:3.12-slim\nHEALTHCHECK NONE\n' },
    { name: 'a bracket that is not JSON is shell form', code: 'FROM python:3.12-slim\nHEALTHCHECK CMD [ -f /tmp/ready-$PORT ]\n' },
    { name: 'a shell behind a runner expands its script', code: 'FROM python:3.12-slim\nCMD ["micromamba", "run", "-n", "base", "sh", "-c", "python -m app --port $PORT"]\n' },
    { name: 'su -c runs the command through the user\'s shell', code: 'FROM python:3.12-slim\nCMD ["su", "app", "-c", "gunicorn -b :$PORT app:app"]\n' },
    { name: '$$ is not a variable', code: 'FROM python:3.12-slim\nCMD ["python", "app.py", "--password", "pa$$word"]\n' },
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
    { name: 'fish is not sh', code: 'FROM python:3.12-slim\nCMD ["/usr/bin/fish", "-c", "echo $HOME"]\n', errors: 1 },
    {
      name: 'exec-form RUN, with a mount flag',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip ["pip", "install", "flask==$FLASK_VERSION"]\n',
      errors: [{ messageId: 'literalRun', line: 2, column: 75, endColumn: 89 }],
    },
    {
      name: 'exec-form HEALTHCHECK, after its options',
      code: 'FROM python:3.12-slim\nHEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-fs", "http://localhost:${PORT}/health"]\n',
      errors: [{ messageId: 'literalHealthcheck', line: 2, column: 79, endColumn: 86 }],
    },
    {
      name: 'exec-form HEALTHCHECK over continuation lines',
      code: 'FROM python:3.12-slim\nHEALTHCHECK CMD ["python", "-c", \\\n  "import urllib.request; urllib.request.urlopen(\'http://localhost:$PORT/\')"]\n',
      errors: [{ messageId: 'literalHealthcheck', line: 3, column: 68, endColumn: 73 }],
    },
    {
      name: 'the suggestion double-quotes words with spaces, so the variable still expands',
      code: 'FROM python:3.12-slim\nCMD ["gunicorn", "--access-logformat", "%(h)s $APP", "-b", ":$PORT", "app:app"]\n',
      errors: [{ messageId: 'literal', column: 47, endColumn: 51 }, { messageId: 'literal', column: 62, endColumn: 67 }],
    },
    { name: 'the runner\'s own words before the shell are literal', code: 'FROM python:3.12-slim\nCMD ["conda", "run", "-n", "$ENV_NAME", "sh", "-c", "python app.py --port $PORT"]\n', errors: [{ messageId: 'literal', line: 2, column: 29, endColumn: 38 }] },
  ],
});

it('suggests the shell form for RUN, and double-quotes words with spaces so the variables still expand', () => {
  const run = 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip ["pip", "install", "flask==$FLASK_VERSION"]\n';
  const [r] = lintWith([rule], run).findings;
  expect(r!.suggestions?.[0]?.edits).toEqual([{ start: 69, end: 112, text: 'pip install flask==$FLASK_VERSION' }]);
  const cmd = 'FROM python:3.12-slim\nCMD ["gunicorn", "--access-logformat", "%(h)s $APP", "app:app"]\n';
  const [c] = lintWith([rule], cmd).findings;
  expect(c!.suggestions?.[0]?.edits[0]?.text).toBe('["sh", "-c", "exec gunicorn --access-logformat \\"%(h)s $APP\\" app:app"]');
});

it('suggests the shell form for HEALTHCHECK, keeping its options', () => {
  const text = 'FROM python:3.12-slim\nHEALTHCHECK --interval=30s CMD ["curl", "-fs", "http://localhost:$PORT/health"]\n';
  const [f] = lintWith([rule], text).findings;
  const edit = f!.suggestions?.[0]?.edits[0];
  expect(text.slice(0, edit!.start) + edit!.text + text.slice(edit!.end)).toBe('FROM python:3.12-slim\nHEALTHCHECK --interval=30s CMD curl -fs http://localhost:$PORT/health\n');
});

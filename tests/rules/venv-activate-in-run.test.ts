import rule from '~/rules/venv-activate-in-run';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN python -m venv /venv && . /venv/bin/activate && pip install flask\n',
    'FROM python:3.12-slim\nENV PATH="/venv/bin:$PATH"\nRUN python -m venv /venv\n',
    { name: 'activate then commands across lines', code: 'FROM python:3.12-slim\nRUN source /opt/venv/bin/activate \\\n && pip install -r req.txt\n' },
    { name: 'sourcing something else', code: 'FROM python:3.12-slim\nRUN . /etc/profile\n' },
    { name: 'activate then commands in sh -c exec form', code: 'FROM python:3.12-slim\nRUN ["/bin/bash", "-c", "source /venv/bin/activate && pip install flask"]\n' },
    { name: 'activate_this.py is something else', code: 'FROM python:3.12-slim\nRUN python /venv/bin/activate_this.py\n' },
    { name: 'activation followed by a heredoc command', code: 'FROM python:3.12-slim\nRUN <<EOF\n. /venv/bin/activate\npip install flask\nEOF\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN python -m venv /venv\nRUN . /venv/bin/activate\n', errors: [{ messageId: 'lost', line: 3, column: 5, endColumn: 25 }] },
    { code: 'FROM python:3.12-slim\nRUN python -m venv venv && source venv/bin/activate\n', errors: [{ line: 2, column: 28, endColumn: 52 }] },
    { name: 'sh -c', code: "FROM python:3.12-slim\nRUN bash -c 'source /opt/venv/bin/activate'\n", errors: 1 },
    { name: 'heredoc', code: 'FROM python:3.12-slim\nRUN <<EOF\npython -m venv /venv\n. /venv/bin/activate\nEOF\n', errors: [{ line: 4 }] },
    {
      name: 'relative path resolved against WORKDIR',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN python -m venv .venv; . .venv/bin/activate;\n',
      errors: [{ line: 3, column: 27, endColumn: 47, message: /ENV PATH="\/app\/\.venv\/bin:\$PATH"/ }],
    },
    { name: 'quoted script, lower-case', code: 'FROM python:3.12-slim\nrun . "/opt/venv/bin/activate"\n', errors: [{ line: 2, column: 5, endColumn: 31, message: /\/opt\/venv\/bin:\$PATH/ }], onbuild: true },
    { name: 'only a fallback after the activation', code: 'FROM python:3.12-slim\nRUN . /venv/bin/activate || true\n', errors: [{ line: 2, column: 5, endColumn: 25 }] },
    { name: 'exec form sh -c alone', code: 'FROM python:3.12-slim\nRUN ["/bin/bash", "-c", "source /venv/bin/activate"]\n', errors: 1 },
    { name: 'after set -e, across a continuation', code: 'FROM python:3.12-slim\nRUN set -eux; \\\n    python -m venv /venv; \\\n    . /venv/bin/activate\n', errors: [{ line: 4, column: 5, endColumn: 25 }] },
  ],
});

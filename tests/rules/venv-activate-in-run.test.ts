import rule from '~/rules/venv-activate-in-run';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN python -m venv /venv && . /venv/bin/activate && pip install flask\n',
    'FROM python:3.12-slim\nENV PATH="/venv/bin:$PATH"\nRUN python -m venv /venv\n',
    { name: 'activate then commands across lines', code: 'FROM python:3.12-slim\nRUN source /opt/venv/bin/activate \\\n && pip install -r req.txt\n' },
    { name: 'sourcing something else', code: 'FROM python:3.12-slim\nRUN . /etc/profile\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN python -m venv /venv\nRUN . /venv/bin/activate\n', errors: [{ messageId: 'lost', line: 3, column: 5, endColumn: 25 }] },
    { code: 'FROM python:3.12-slim\nRUN python -m venv venv && source venv/bin/activate\n', errors: [{ line: 2, column: 28, endColumn: 52 }] },
    { name: 'sh -c', code: "FROM python:3.12-slim\nRUN bash -c 'source /opt/venv/bin/activate'\n", errors: 1 },
    { name: 'heredoc', code: 'FROM python:3.12-slim\nRUN <<EOF\npython -m venv /venv\n. /venv/bin/activate\nEOF\n', errors: [{ line: 4 }] },
  ],
});

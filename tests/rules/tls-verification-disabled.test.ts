import rule from '~/rules/tls-verification-disabled';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url https://mirror.example/simple flask\n',
    'FROM python:3.12-slim\nENV PIP_INDEX_URL=https://mirror.example/simple\n',
    { name: 'PYTHONHTTPSVERIFY=1', code: 'FROM python:3.12-slim\nENV PYTHONHTTPSVERIFY=1\n' },
    { name: 'curl to http is another matter', code: 'FROM python:3.12-slim\nRUN curl -o x http://example.com/x\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN pip install --trusted-host pypi.org flask\n', errors: [{ messageId: 'trustedHost', line: 2, column: 17, endColumn: 40 }] },
    { code: 'FROM python:3.12-slim\nRUN pip install -i http://mirror.local/simple flask\n', errors: [{ messageId: 'httpIndex', column: 20, endColumn: 46 }] },
    { code: 'FROM python:3.12-slim\nRUN pip install --index-url=http://mirror.local/simple flask\n', errors: [{ messageId: 'httpIndex' }] },
    { code: 'FROM python:3.12-slim\nENV PIP_TRUSTED_HOST=mirror.local\n', errors: [{ messageId: 'trustedHost', line: 2, column: 5, endColumn: 34 }] },
    { code: 'FROM python:3.12-slim\nENV PYTHONHTTPSVERIFY=0\n', errors: [{ messageId: 'httpsVerify' }] },
    { code: 'FROM python:3.12-slim\nRUN pip config set global.trusted-host mirror.local\n', errors: [{ messageId: 'trustedHost' }] },
    { code: 'FROM python:3.12-slim\nRUN PIP_TRUSTED_HOST=mirror.local pip install flask\n', errors: [{ messageId: 'trustedHost', column: 5, endColumn: 34 }] },
    { code: 'FROM python:3.12-slim\nRUN uv pip install --system --allow-insecure-host mirror.local flask\n', errors: 1 },
  ],
});

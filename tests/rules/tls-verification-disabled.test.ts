import rule from '~/rules/tls-verification-disabled';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url https://mirror.example/simple flask\n',
    'FROM python:3.12-slim\nENV PIP_INDEX_URL=https://mirror.example/simple\n',
    { name: 'PYTHONHTTPSVERIFY=1', code: 'FROM python:3.12-slim\nENV PYTHONHTTPSVERIFY=1\n' },
    { name: 'curl to http is another matter', code: 'FROM python:3.12-slim\nRUN curl -o x http://example.com/x\n' },
    { name: 'ARG with an https index', code: 'FROM python:3.12-slim\nARG PIP_INDEX_URL=https://mirror.example/simple\nRUN pip install --no-cache-dir flask\n' },
    { name: 'ARG without a default', code: 'FROM python:3.12-slim\nARG PIP_TRUSTED_HOST\nARG PIP_INDEX_URL\nRUN pip install --no-cache-dir flask\n' },
    { name: 'global ARG not declared in a stage is not in the environment', code: 'ARG PIP_TRUSTED_HOST=pypi.internal\nFROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n' },
    { name: 'empty UV_INSECURE_HOST', code: 'FROM python:3.12-slim\nENV UV_INSECURE_HOST=\n' },
    { name: 'https index attached to -i', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -ihttps://mirror.example/simple flask\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN pip install --trusted-host pypi.org flask\n', errors: [{ messageId: 'trustedHost', line: 2, column: 17, endColumn: 40, message: /makes pip accept/ }] },
    { name: '-i: the URL is highlighted', code: 'FROM python:3.12-slim\nRUN pip install -i http://mirror.local/simple flask\n', errors: [{ messageId: 'httpIndex', column: 20, endColumn: 46 }] },
    { name: '--index-url URL: the URL is highlighted', code: 'FROM python:3.12-slim\nRUN pip install --index-url http://mirror.local/simple flask\n', errors: [{ messageId: 'httpIndex', column: 29, endColumn: 55 }] },
    { name: '--index-url=URL: the URL is highlighted', code: 'FROM python:3.12-slim\nRUN pip install --index-url=http://mirror.local/simple flask\n', errors: [{ messageId: 'httpIndex', column: 29, endColumn: 55 }] },
    { name: '--extra-index-url=URL: the URL is highlighted', code: 'FROM python:3.12-slim\nRUN pip install --extra-index-url=http://mirror.local/simple flask\n', errors: [{ messageId: 'httpIndex', column: 35, endColumn: 61 }] },
    { name: 'quoted --extra-index-url=URL: the URL is highlighted', code: 'FROM python:3.12-slim\nRUN pip install "--extra-index-url=http://mirror.local/simple" flask\n', errors: [{ messageId: 'httpIndex', column: 36, endColumn: 62 }] },
    { name: '-iURL: the URL is highlighted', code: 'FROM python:3.12-slim\nRUN pip install -ihttp://mirror.local/simple flask\n', errors: [{ messageId: 'httpIndex', column: 19, endColumn: 45 }] },
    { code: 'FROM python:3.12-slim\nENV PIP_TRUSTED_HOST=mirror.local\n', errors: [{ messageId: 'trustedHost', line: 2, column: 5, endColumn: 34 }] },
    { code: 'FROM python:3.12-slim\nENV PYTHONHTTPSVERIFY=0\n', errors: [{ messageId: 'httpsVerify' }] },
    { code: 'FROM python:3.12-slim\nRUN pip config set global.trusted-host mirror.local\n', errors: [{ messageId: 'trustedHost' }] },
    { code: 'FROM python:3.12-slim\nRUN PIP_TRUSTED_HOST=mirror.local pip install flask\n', errors: [{ messageId: 'trustedHost', column: 5, endColumn: 34 }] },
    {
      name: 'uv --allow-insecure-host says uv',
      code: 'FROM python:3.12-slim\nRUN uv pip install --system --allow-insecure-host mirror.local flask\n',
      errors: [{ messageId: 'insecureHost', column: 29, endColumn: 63, message: /^`--allow-insecure-host` makes uv accept any certificate .* from `mirror\.local`/ }],
    },
    { name: 'uv pip --trusted-host says uv', code: 'FROM python:3.12-slim\nRUN uv pip install --system --trusted-host=mirror.local flask\n', errors: [{ messageId: 'insecureHost', message: /makes uv accept/ }] },
    { name: 'ARG PIP_TRUSTED_HOST, reported at the ARG', code: 'FROM python:3.12-slim\nARG PIP_TRUSTED_HOST=pypi.internal\nRUN pip install --no-cache-dir flask\n', errors: [{ messageId: 'trustedHost', line: 2, column: 5, endColumn: 35 }] },
    { name: 'ARG PIP_INDEX_URL over http', code: 'FROM python:3.12-slim\nARG PIP_INDEX_URL=http://pypi.internal/simple\nRUN pip install --no-cache-dir flask\n', errors: [{ messageId: 'httpIndex', line: 2, column: 5, endColumn: 46, message: /`http:\/\/pypi\.internal\/simple`/ }] },
    { name: 'ARG PIP_EXTRA_INDEX_URL over http', code: 'FROM python:3.12-slim\nARG PIP_EXTRA_INDEX_URL=http://pypi.internal/simple\n', errors: [{ messageId: 'httpIndex' }] },
    { name: 'ARG redeclared from a global default', code: df`
      ARG PIP_TRUSTED_HOST=pypi.internal
      FROM python:3.12-slim
      ARG PIP_TRUSTED_HOST
      RUN pip install --no-cache-dir flask`, errors: [{ messageId: 'trustedHost', line: 3, column: 5, endColumn: 21 }] },
    { name: 'ENV UV_INSECURE_HOST', code: 'FROM python:3.12-slim\nENV UV_INSECURE_HOST=mirror.local\n', errors: [{ messageId: 'insecureHost', line: 2, column: 5, endColumn: 34, message: /^`UV_INSECURE_HOST` makes uv accept/ }] },
    { name: 'ARG UV_INSECURE_HOST', code: 'FROM python:3.12-slim\nARG UV_INSECURE_HOST=mirror.local\nRUN uv pip install --system flask\n', errors: [{ messageId: 'insecureHost' }] },
    { name: 'UV_INSECURE_HOST inline', code: 'FROM python:3.12-slim\nRUN UV_INSECURE_HOST=mirror.local uv sync\n', errors: [{ messageId: 'insecureHost', column: 5, endColumn: 34 }] },
    { name: 'uv --index name=http://', code: 'FROM python:3.12-slim\nRUN uv sync --index internal=http://mirror.local/simple\n', errors: [{ messageId: 'httpIndex', message: /`http:\/\/mirror\.local\/simple`/ }] },
  ],
});

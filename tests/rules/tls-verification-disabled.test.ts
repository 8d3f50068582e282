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
    { name: 'index from a variable with an https value', code: 'FROM python:3.12-slim\nARG MIRROR=https://pypi.corp.example/simple\nRUN pip install --no-cache-dir -i ${MIRROR} flask\n' },
    { name: 'index from a build argument without a default', code: 'FROM python:3.12-slim\nARG MIRROR\nRUN pip install --no-cache-dir --index-url $MIRROR flask\n' },
    { name: 'conda ssl_verify set to a CA bundle', code: 'FROM continuumio/miniconda3:24.1.2-0\nRUN conda config --set ssl_verify /etc/ssl/certs/ca-certificates.crt\n' },
    { name: 'poetry certificates pointing at a CA bundle', code: 'FROM python:3.12-slim\nRUN poetry config certificates.corp.cert /etc/ssl/certs/corp.pem\n' },
    { name: 'poetry source over https', code: 'FROM python:3.12-slim\nRUN poetry source add --priority=supplemental corp https://pypi.corp.example/simple\n' },
    { name: 'conda -c is not -k', code: 'FROM continuumio/miniconda3:24.1.2-0\nRUN conda install -y -c conda-forge numpy=1.26\n' },
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
    {
      name: 'an http index from an ARG used in the RUN: reported at the option, with the value',
      code: 'FROM python:3.9-slim\nARG PYPI_MIRROR=http://pypi.corp.local/simple\nRUN pip install --no-cache-dir -i ${PYPI_MIRROR} flask\n',
      errors: [{ messageId: 'httpIndexVar', line: 3, column: 35, endColumn: 49, message: /^The package index `\$\{PYPI_MIRROR\}` is `http:\/\/pypi\.corp\.local\/simple`/ }],
    },
    { name: 'an http index from an ENV, --extra-index-url=', code: 'FROM python:3.12-slim\nENV MIRROR=http://10.0.0.5:8080/simple\nRUN pip install --no-cache-dir --extra-index-url=$MIRROR flask\n', errors: [{ messageId: 'httpIndexVar', line: 3, column: 50, endColumn: 57 }] },
    { name: 'pip config set global.index-url from a variable', code: 'FROM python:3.12-slim\nARG MIRROR=http://mirror.local/simple\nRUN pip config set global.index-url "$MIRROR"\n', errors: [{ messageId: 'httpIndexVar', line: 3, column: 37, endColumn: 46 }] },
    { name: '$PIP_INDEX_URL is reported where it is set, once', code: 'FROM python:3.12-slim\nENV PIP_INDEX_URL=http://mirror.local/simple\nRUN pip install --no-cache-dir -i $PIP_INDEX_URL flask\n', errors: [{ messageId: 'httpIndex', line: 2 }] },
    { name: 'conda config --set ssl_verify false', code: 'FROM continuumio/miniconda3:24.1.2-0\nRUN conda config --set ssl_verify false && \\\n    conda install -y numpy=1.26\n', errors: [{ messageId: 'condaSslVerify', line: 2, column: 18, endColumn: 40, message: /^`conda config --set ssl_verify false` turns off/ }] },
    { name: 'micromamba config set ssl_verify no', code: 'FROM mambaorg/micromamba:1.5.8\nRUN micromamba config set ssl_verify no\n', errors: [{ messageId: 'condaSslVerify', column: 23, endColumn: 40 }] },
    { name: 'conda install --insecure', code: 'FROM continuumio/miniconda3:24.1.2-0\nRUN conda install --insecure -y numpy=1.26\n', errors: [{ messageId: 'condaSslVerify', column: 19, endColumn: 29 }] },
    { name: 'ENV CONDA_SSL_VERIFY=false', code: 'FROM continuumio/miniconda3:24.1.2-0\nENV CONDA_SSL_VERIFY=false\n', errors: [{ messageId: 'condaSslVerify', line: 2, column: 5, endColumn: 27 }] },
    { name: 'poetry config certificates.<source>.cert false', code: 'FROM python:3.12-slim\nRUN poetry config certificates.corp.cert false && poetry install --no-root\n', errors: [{ messageId: 'poetryCert', column: 19, endColumn: 47, message: /Poetry source `corp`/ }] },
    { name: 'POETRY_CERTIFICATES_<SOURCE>_CERT=false', code: 'FROM python:3.12-slim\nENV POETRY_CERTIFICATES_CORP_CERT=false\n', errors: [{ messageId: 'poetryCert', line: 2, column: 5, endColumn: 40 }] },
    { name: 'poetry source add over http', code: 'FROM python:3.12-slim\nRUN poetry source add --priority primary corp http://pypi.corp/simple\n', errors: [{ messageId: 'httpIndex', column: 47, endColumn: 70 }] },
    { name: 'uv --index name=http://', code: 'FROM python:3.12-slim\nRUN uv sync --index internal=http://mirror.local/simple\n', errors: [{ messageId: 'httpIndex', message: /`http:\/\/mirror\.local\/simple`/ }] },
  ],
});

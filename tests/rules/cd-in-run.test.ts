import rule from '~/rules/cd-in-run';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --no-cache-dir .\n',
    { name: 'subshell', code: 'FROM python:3.12-slim\nRUN (cd docs && make html) && pip install .\n' },
    { name: 'cd back with cd -', code: 'FROM python:3.12-slim\nRUN cd - >/dev/null\n' },
    { name: 'temporary directory from mktemp', code: 'FROM python:3.12-slim\nRUN cd "$(mktemp -d)" && curl -fsSLO https://example.com/x.tar.gz && tar xzf x.tar.gz\n' },
    { name: 'under /tmp', code: 'FROM python:3.12-slim\nRUN cd /tmp && curl -fsSLO https://example.com/x.tar.gz && tar xzf x.tar.gz && rm x.tar.gz\n' },
    {
      name: 'a build directory removed in the same RUN',
      code: df`
        FROM python:3.12-slim
        RUN git clone --depth 1 https://github.com/example/lib /opt/lib \\
            && cd /opt/lib \\
            && make install \\
            && rm -rf /opt/lib
      `,
    },
    { name: 'parent directory removed', code: 'FROM python:3.12-slim\nRUN mkdir -p /build/src && cd /build/src && make && rm -rf /build\n' },
    { name: 'cd .. back out of a cloned directory removed later', code: 'FROM python:3.12-slim\nRUN git clone https://github.com/x/y.git && cd y && pip install . && cd .. && rm -rf y\n' },
    {
      name: 'cd back to the WORKDIR after building elsewhere',
      code: df`
        FROM python:3.12-slim
        WORKDIR /usr/src/app/
        RUN if [ "$(uname -m)" = "aarch64" ]; then \\
              cd /usr/src/qpdf && make install && cd /usr/src/app/; \\
            fi \\
            && pip install --no-cache-dir -r requirements.txt
      `,
    },
    { name: 'cd to the WORKDIR through its variable', code: 'FROM python:3.12-slim\nENV APP=/srv/app\nWORKDIR $APP\nRUN cd /opt/x && make; cd "$APP" && pip install .\n' },
    {
      name: 'cd / out of a build directory before removing it, on an image without WORKDIR',
      code: 'FROM debian:trixie-slim\nRUN mkdir -p /usr/src/python; cd /usr/src/python; ./configure; make install; cd /; rm -rf /usr/src/python\n',
    },
    {
      name: 'leaving the WORKDIR before the RUN deletes it',
      code: 'FROM python:3.12-alpine\nCOPY . /code\nWORKDIR /code\nRUN python setup.py install && cd / && rm -rf /code\n',
    },
    { name: 'the word cd in an echo', code: 'FROM python:3.12-slim\nRUN echo "cd /app"\n' },
    { name: 'command substitution', code: 'FROM python:3.12-slim\nRUN echo "$(cd /app && pwd)" > /where\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN cd /app && pip install --no-cache-dir .\n',
      errors: [{ messageId: 'cd', line: 2, column: 5, endColumn: 12 }],
      onbuild: true,
    },
    {
      name: 'cd to a directory other than the WORKDIR',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN cd /app/src && pip install .\n',
      errors: [{ messageId: 'cd', line: 3, column: 5, endColumn: 16 }],
    },
    {
      name: 'cd / where a WORKDIR is set',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN cd / && python -c "import app"\n',
      errors: [{ messageId: 'cd', line: 3, column: 5, endColumn: 9 }],
    },
    {
      name: 'cd / on an image whose working directory is unknown',
      code: 'FROM ghcr.io/example/base:1\nRUN cd / && python -c "import app"\n',
      errors: [{ messageId: 'cd', line: 2, column: 5, endColumn: 9 }],
    },
    {
      name: 'cd alone',
      code: 'FROM python:3.12-slim\nRUN cd /app\n',
      errors: [{ messageId: 'alone', message: /does nothing/ }],
    },
    {
      name: 'one finding per RUN',
      code: 'FROM python:3.12-slim\nRUN cd /app && make && cd docs && make html\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'after a semicolon and continuation',
      code: 'FROM python:3.12-slim\nRUN pip install -U pip; \\\n    cd /srv/app && pip install .\n',
      errors: [{ line: 3, column: 5, endColumn: 16 }],
    },
    {
      name: 'heredoc',
      code: df`
        FROM python:3.12-slim
        RUN <<EOF
        set -e
        cd /app
        python manage.py collectstatic --noinput
        EOF
      `,
      errors: [{ line: 4, column: 1, endColumn: 8 }],
    },
    {
      name: 'sh -c',
      code: "FROM python:3.12-slim\nRUN sh -c 'cd /app && python -m compileall .'\n",
      errors: [{ line: 2, column: 12 }],
    },
    {
      name: 'cd without a directory',
      code: 'FROM python:3.12-slim\nRUN cd && ls\n',
      errors: [{ message: /`cd ~`/ }],
    },
    {
      name: 'a directory that is not removed',
      code: 'FROM python:3.12-slim\nRUN git clone https://github.com/example/app /app && cd /app && pip install .\n',
      errors: 1,
    },
  ],
});

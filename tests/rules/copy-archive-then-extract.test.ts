import rule from '~/rules/copy-archive-then-extract';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nADD vendor.tar.gz /opt/vendor/\n',
    { name: 'archive copied and kept', code: 'FROM python:3.12-slim\nCOPY vendor.tar.gz /opt/\n' },
    { name: 'zip archives are not extracted by ADD', code: 'FROM python:3.12-slim\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /app\n' },
    { name: '--strip-components', code: 'FROM python:3.12-slim\nCOPY node.tar.xz /tmp/\nRUN tar -xJf /tmp/node.tar.xz -C /usr/local --strip-components=1\n' },
    { name: 'selected members', code: 'FROM python:3.12-slim\nCOPY bundle.tar /tmp/\nRUN tar -xf /tmp/bundle.tar bin/tool\n' },
    { name: 'listing, not extracting', code: 'FROM python:3.12-slim\nCOPY bundle.tar /tmp/\nRUN tar -tf /tmp/bundle.tar\n' },
    { name: 'copied from another stage', code: 'FROM python:3.12-slim AS build\nRUN tar -czf /out.tgz /app\nFROM python:3.12-slim\nCOPY --from=build /out.tgz /tmp/\nRUN tar -xzf /tmp/out.tgz -C /\n' },
    { name: 'another archive', code: 'FROM python:3.12-slim\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/b.tar.gz\n' },
    { name: 'extracted in another stage', code: 'FROM python:3.12-slim AS a\nCOPY a.tar.gz /tmp/\nFROM python:3.12-slim\nRUN tar -xzf /tmp/a.tar.gz\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCOPY vendor.tar.gz /tmp/\nRUN tar -xzf /tmp/vendor.tar.gz -C /opt && rm /tmp/vendor.tar.gz\n',
      errors: [{ messageId: 'copiedThenExtracted', line: 2, column: 6, endColumn: 19, message: /extracted by `tar` on line 3/ }],
    },
    {
      name: 'old-style options',
      code: 'FROM python:3.12-slim\nCOPY ./dist/app.tgz /srv/\nRUN cd /srv && tar xzf app.tgz\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: 'long options and a renamed destination',
      code: 'FROM python:3.12-slim\nCOPY release-1.2.tar.bz2 /tmp/release.tar.bz2\nRUN tar --extract --bzip2 --file=/tmp/release.tar.bz2 --directory /opt\n',
      errors: [{ line: 2, column: 6, endColumn: 25 }],
    },
    {
      name: 'inherited across instructions, heredoc extraction',
      code: df`
        FROM python:3.12-slim
        WORKDIR /app
        COPY --chown=10001 assets.tar.xz ./
        RUN <<EOF
        tar -xJf assets.tar.xz
        EOF
      `,
      errors: [{ line: 3, column: 20 }],
    },
  ],
});

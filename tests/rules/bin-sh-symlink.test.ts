import rule from '~/rules/bin-sh-symlink';
import { df, ruleTester } from '../support/rule-tester';

const py = (run: string) => `FROM python:3.12-slim\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo ok | cat\n',
    { name: 'linking from /bin/sh elsewhere (a hadolint false positive)', code: py('RUN ln -s /bin/sh /usr/local/bin/posix-sh') },
    { name: 'another name in /bin', code: py('RUN ln -sf /bin/bash /bin/shell') },
    { name: 'a link in the working directory', code: py('RUN ln -s /bin/sh') },
    { name: 'a /bin/sh link inside another tree', code: py('RUN ln -s /bin/bash /opt/rootfs/bin/sh') },
    { name: 'into /bin, named after a source that is not sh', code: py('RUN ln -s /usr/bin/dash /bin/') },
    { name: 'not ln', code: py('RUN echo ln -s /bin/bash /bin/sh') },
    { name: 'a --suffix value is not an operand', code: py('RUN ln -s -S .bak /bin/bash /usr/local/bin/bash') },
  ],
  invalid: [
    {
      code: py('RUN ln -sf /bin/bash /bin/sh'),
      errors: [{ messageId: 'relinked', line: 2, column: 22, endColumn: 29 }],
    },
    {
      name: 'after rm, in a chain, with a relative target',
      code: py('RUN rm /bin/sh && ln -s bash /bin/sh'),
      errors: [{ line: 2, column: 30, endColumn: 37 }],
    },
    {
      name: '/usr/bin/sh with -T',
      code: py('RUN ln -sfT /usr/bin/bash /usr/bin/sh'),
      errors: [{ line: 2, column: 27, endColumn: 38 }],
    },
    {
      name: 'exec form',
      code: py('RUN ["ln", "-s", "/bin/bash", "/bin/sh"]'),
      errors: [{ line: 2, column: 31, endColumn: 40 }],
    },
    {
      name: 'continuation lines',
      code: df`
        FROM python:3.12-slim
        RUN set -eux; \\
            ln -sf \\
               /bin/bash /bin/sh
      `,
      errors: [{ line: 4, column: 18, endColumn: 25 }],
    },
    {
      name: 'sh -c in exec form',
      code: py('RUN ["/bin/sh", "-c", "ln -sf /bin/bash /bin/sh"]'),
      errors: [{ line: 2, column: 41, endColumn: 48 }],
    },
    {
      name: 'a source named sh linked into /bin',
      code: py('run ln -s /opt/shells/sh /bin/'),
      errors: [{ line: 2, column: 26, endColumn: 31 }],
    },
    {
      name: 'with -t',
      code: py('RUN ln -s -t /bin /opt/shells/sh'),
      errors: [{ line: 2, column: 14, endColumn: 18 }],
    },
    {
      name: 'quoted and in a heredoc',
      code: df`
        FROM python:3.12-slim
        RUN <<EOF
        ln -sf /bin/bash "/bin/sh"
        EOF
      `,
      errors: [{ line: 3, column: 18, endColumn: 27 }],
    },
    {
      name: 'in an ONBUILD trigger',
      code: py('ONBUILD RUN ln -sf /bin/bash /bin/sh'),
      errors: [{ line: 2, column: 30 }],
    },
  ],
});

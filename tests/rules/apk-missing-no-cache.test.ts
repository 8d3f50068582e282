import rule from '~/rules/apk-missing-no-cache';
import { df, ruleTester } from '../support/rule-tester';

const alp = (run: string) => `FROM python:3.12-alpine3.20\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    alp('RUN apk add --no-cache libpq'),
    { name: 'no network: nothing fetched', code: alp("RUN scanelf --needed --nobanner --format '%n#p' /usr/local/bin/python3 | tr ',' '\\n' | xargs -rt apk add --no-network --virtual .python-rundeps") },
    { name: 'cache mount', code: alp('RUN --mount=type=cache,target=/var/cache/apk apk add libpq') },
    { name: 'cache mount on /etc/apk/cache', code: alp('RUN --mount=type=cache,target=/etc/apk/cache apk update && apk add libpq') },
    { name: 'index removed in the same RUN', code: alp('RUN apk update && apk add libpq && rm -rf /var/cache/apk/*') },
    { name: 'apk update --no-cache is pointless but leaves nothing', code: alp('RUN apk --no-cache update && apk add --no-cache libpq') },
    { name: 'apk del', code: alp('RUN apk del .build-deps') },
  ],
  invalid: [
    {
      code: alp('RUN apk add libpq'),
      errors: [{ messageId: 'add', line: 2, column: 5, endColumn: 12 }],
      output: alp('RUN apk add --no-cache libpq'),
      onbuild: true,
    },
    {
      name: 'apk update before apk add --no-cache',
      code: alp('RUN apk update && apk add --no-cache libpq'),
      errors: [{ messageId: 'update', column: 5, endColumn: 15 }],
      output: null,
    },
    {
      name: 'global options before add',
      code: alp('RUN apk -U add --virtual .build-deps gcc'),
      errors: [{ messageId: 'add', column: 5, endColumn: 15 }],
      output: alp('RUN apk -U add --no-cache --virtual .build-deps gcc'),
    },
    {
      name: 'heredoc and exec form',
      code: df`
        FROM python:3.12-alpine3.20
        RUN <<EOF
        apk add git
        EOF
        RUN ["apk", "add", "curl"]
      `,
      errors: [{ line: 3, column: 1, endColumn: 8 }, { line: 5, column: 6, endColumn: 18 }],
      output: 'FROM python:3.12-alpine3.20\nRUN <<EOF\napk add --no-cache git\nEOF\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    },
    {
      name: 'a cache mount elsewhere does not count',
      code: alp('RUN --mount=type=cache,target=/root/.cache/pip apk add gcc'),
      errors: 1,
      output: alp('RUN --mount=type=cache,target=/root/.cache/pip apk add --no-cache gcc'),
    },
  ],
});

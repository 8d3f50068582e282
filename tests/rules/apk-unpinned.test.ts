import rule from '~/rules/apk-unpinned';
import { ruleTester } from '../support/rule-tester';

const alp = (run: string) => `FROM python:3.12-alpine3.20\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    alp('RUN apk add --no-cache libpq=16.4-r0'),
    { name: 'fuzzy pin', code: alp('RUN apk add --no-cache "libpq~16"') },
    { name: 'constraint', code: alp('RUN apk add --no-cache "openssl>3.3"') },
    { name: 'virtual package name is not a package', code: alp('RUN apk add --no-cache --virtual .build-deps gcc~13 musl-dev~1.2') },
    { name: '-t name', code: alp('RUN apk add --no-cache -t .build-deps gcc~13') },
    { name: 'repository value', code: alp('RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing hub~2') },
    { name: 'local .apk', code: alp('RUN apk add --allow-untrusted /tmp/pkg-1.0-r0.apk') },
    { name: 'variable', code: alp('RUN apk add --no-cache $BUILD_DEPS') },
    { name: 'apk del', code: alp('RUN apk del .build-deps') },
  ],
  invalid: [
    {
      code: alp('RUN apk add --no-cache libpq'),
      errors: [{ messageId: 'unpinned', line: 2, column: 24, endColumn: 29 }],
      onbuild: true,
    },
    {
      name: 'repository tag is not a version',
      code: alp('RUN apk add --no-cache hub@testing'),
      errors: [{ message: /^`hub` is installed without a version/ }],
    },
    {
      name: 'several after a virtual name',
      code: alp('RUN apk add --no-cache --virtual .build-deps gcc musl-dev'),
      errors: [{ column: 46 }, { column: 50 }],
    },
  ],
});

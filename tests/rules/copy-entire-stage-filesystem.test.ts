import rule from '~/rules/copy-entire-stage-filesystem';
import { df, ruleTester } from '../support/rule-tester';

const build = 'FROM python:3.12-slim AS build\nRUN pip wheel --wheel-dir /wheels .\n';

ruleTester.run(rule, {
  valid: [
    `${build}FROM python:3.12-slim\nCOPY --from=build /wheels /wheels\n`,
    { name: 'the context root, not another stage', code: 'FROM python:3.12-slim\nCOPY / /\n' },
    { name: 'root into a subdirectory', code: `${build}FROM python:3.12-slim\nCOPY --from=build / /srv/rootfs\n` },
    { name: 'a directory into the root', code: `${build}FROM python:3.12-slim\nCOPY --from=build /wheels /\n` },
    { name: 'a variable that is not the root', code: `${build}FROM python:3.12-slim\nARG DEST=/opt\nCOPY --from=build / $DEST\n` },
    { name: 'ADD has no --from', code: 'FROM python:3.12-slim\nADD / /\n' },
  ],
  invalid: [
    {
      code: `${build}FROM python:3.12-slim\nCOPY --from=build / /\n`,
      errors: [{ messageId: 'wholeFilesystem', line: 4, column: 19, endColumn: 20, message: /`COPY --from=build \/ \/` copies the entire filesystem of `build`/ }],
    },
    {
      name: 'quoted paths and spelled-out roots',
      code: `${build}FROM python:3.12-slim\ncopy --from=build "/" '/.'\n`,
      errors: [{ line: 4, column: 19, endColumn: 22 }],
    },
    {
      name: 'exec form',
      code: `${build}FROM python:3.12-slim\nCOPY --from=build ["/", "/"]\n`,
      errors: [{ line: 4, column: 20, endColumn: 23 }],
    },
    {
      name: 'an external image by index and by name, continued over lines',
      code: df`
        FROM python:3.12-slim
        COPY --from=0 \\
             / /
        COPY --link --from=busybox:1.36 / /
      `,
      errors: [{ line: 3, column: 6, endColumn: 7 }, { line: 4, column: 33, endColumn: 34 }],
    },
    {
      name: 'a destination given by an ARG',
      code: `${build}FROM python:3.12-slim\nARG ROOT=/\nCOPY --from=build / $ROOT\n`,
      errors: [{ line: 5, column: 19 }],
    },
    {
      name: 'flattening into scratch still copies everything',
      code: `${build}FROM scratch\nCOPY --from=build / /\n`,
      errors: 1,
    },
    {
      name: 'in an ONBUILD trigger',
      code: `${build}FROM python:3.12-slim\nONBUILD COPY --from=build / /\n`,
      errors: [{ line: 4, column: 27, endColumn: 28 }],
    },
  ],
});

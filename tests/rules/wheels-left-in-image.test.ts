import rule from '~/rules/wheels-left-in-image';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    { name: 'a bare word that names a package, not the copied directory', code: 'FROM python:3.12-slim AS b\nRUN pip wheel -w /wheel -r requirements.txt\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=b /wheel ./wheel\nRUN pip install --no-cache-dir wheel\n' },
    df`
      FROM python:3.12 AS builder
      RUN pip wheel --wheel-dir /wheels -r requirements.txt
      FROM python:3.12-slim
      RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels pip install --no-cache-dir --no-index /wheels/*`,
    { name: 'wheels copied into a builder only', code: 'FROM python:3.12 AS a\nFROM python:3.12 AS b\nCOPY --from=a /wheels /wheels\nRUN pip install /wheels/*\nFROM python:3.12-slim\n' },
    { name: 'copied but not installed', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /wheels /srv/wheels\n' },
    { name: '--find-links= naming another directory', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /wheels /wheels\nRUN pip install --no-index --find-links=/other flask\n' },
    { name: 'copied into the working directory, installed by a relative glob after another WORKDIR', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /dist/*.whl .\nWORKDIR /srv\nRUN pip install *.whl\n' },
    { name: 'wheels copied into WORKDIR, a package name is not a path', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=b /wheels .\nRUN pip install flask\n' },
  ],
  invalid: [
    {
      name: 'a relative --find-links value without a slash',
      code: 'FROM python:3.12-slim AS b\nRUN pip wheel -w /wheels -r requirements.txt\nFROM python:3.12-slim\nWORKDIR /home/app\nCOPY --from=b /wheels ./wheels\nRUN pip install --no-index --find-links=wheels -r requirements.txt\nRUN pip install --no-index -f wheels flask\n',
      errors: [{ messageId: 'left', line: 5, column: 15, endColumn: 22, message: /\(line 6\).*target=\/home\/app\/wheels pip install/ }],
    },
    {
      name: 'copied in a stage the final stage is built FROM: its layers ship too',
      code: 'FROM python:3.12-slim AS build\nRUN pip wheel -w /wheels -r requirements.txt\nFROM python:3.12-slim AS runtime\nCOPY --from=build /wheels /wheels\nFROM runtime\nRUN pip install --no-cache-dir --no-index -f /wheels -r /wheels/requirements.txt\n',
      errors: [{ messageId: 'left', line: 4, column: 19, endColumn: 26, message: /installed \(line 6\)/ }],
    },
    {
      name: 'the testdriven pattern',
      code: df`
        FROM python:3.12 AS builder
        RUN pip wheel --no-cache-dir --wheel-dir /app/wheels -r requirements.txt
        FROM python:3.12-slim
        COPY --from=builder /app/wheels /wheels
        RUN pip install --no-cache /wheels/*`,
      errors: [{ messageId: 'left', line: 4, column: 21, endColumn: 32, message: /line 5.*source=\/app\/wheels,target=\/wheels pip/ }],
    },
    {
      name: 'deleting later does not help',
      code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /wheelhouse /tmp/wh\nRUN pip install --no-index --find-links /tmp/wh flask && rm -rf /tmp/wh\n',
      errors: [{ messageId: 'removed', line: 3, column: 15, endColumn: 26, message: /The `rm` on line 4 does not shrink the image.*source=\/wheelhouse,target=\/tmp\/wh pip/ }],
    },
    {
      name: 'a single wheel file',
      code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /dist/app-1.0-py3-none-any.whl /tmp/\nRUN pip install /tmp/app-1.0-py3-none-any.whl\n',
      errors: [{ messageId: 'left', message: /source=\/dist\/app-1\.0-py3-none-any\.whl,target=\/tmp\/app-1\.0-py3-none-any\.whl pip/ }],
    },
    {
      name: '--find-links=DIR (with =) after COPY --from',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-index --find-links=/wheels flask\n',
      errors: [{ messageId: 'left', line: 3, column: 21, endColumn: 28, message: /line 4/ }],
    },
    {
      name: '-f DIR after COPY --from',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-index -f /wheels flask\n',
      errors: [{ messageId: 'left', line: 3, column: 21, endColumn: 28 }],
    },
    {
      name: '-fDIR attached, with a trailing slash',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-index -f/wheels/ flask\n',
      errors: [{ messageId: 'left', line: 3 }],
    },
    {
      name: 'uv pip install --find-links=file:// URL',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN uv pip install --system --no-index --find-links=file:///wheels flask\n',
      errors: [{ messageId: 'left', line: 3 }],
    },
    {
      name: 'quoted --find-links=DIR in sh -c',
      code: "FROM python:3.12 AS builder\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN sh -c 'pip install --no-index \"--find-links=/wheels\" flask'\n",
      errors: [{ messageId: 'left', line: 3 }],
    },
    {
      name: 'rm -rf of the wheels in the same RUN gets its own message',
      code: df`
        FROM python:3.12 AS builder
        RUN pip wheel --wheel-dir /wheels -r requirements.txt
        FROM python:3.12-slim
        COPY --from=builder /wheels /wheels
        RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels`,
      errors: [{ messageId: 'removed', line: 4, column: 21, endColumn: 28, message: /The `rm` on line 5 does not shrink the image: .*because the files stay in this `COPY` layer.*installed on line 5/ }],
    },
    {
      name: 'rm of the wheels\' contents in a later RUN, across a continuation',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install /wheels/*.whl\nRUN echo done \\\n && rm -f /wheels/*.whl\n',
      errors: [{ messageId: 'removed', message: /The `rm` on line 6 .*installed on line 4/ }],
    },
    {
      name: 'an rm of something else keeps the plain message',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install /wheels/* && rm -rf /root/.cache\n',
      errors: [{ messageId: 'left' }],
    },
    {
      name: 'bind-mount target is the COPY destination, not the source',
      code: 'FROM python:3.12 AS builder\nRUN python -m build --outdir /build/dist\nFROM python:3.12-slim\nCOPY --from=builder /build/dist /dist\nRUN pip install /dist/*.whl\n',
      errors: [{ messageId: 'left', line: 4, column: 21, endColumn: 32, message: /source=\/build\/dist,target=\/dist pip/ }],
    },
    {
      name: 'bind-mount target from an exec-form COPY',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nCOPY --from=builder ["/build/dist/", "/dist/"]\nRUN pip install /dist/*.whl\n',
      errors: [{ messageId: 'left', line: 3, column: 22, endColumn: 36, message: /source=\/build\/dist,target=\/dist pip/ }],
    },
    {
      name: 'bind-mount target of a relative destination resolved against WORKDIR',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=builder /build/wheels/*.whl wheels/\nRUN pip install wheels/*.whl\n',
      errors: [{ messageId: 'left', line: 4, message: /source=\/build\/wheels,target=\/app\/wheels pip/ }],
    },
    {
      name: 'relative destination installed through its absolute path',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nWORKDIR /srv\nWORKDIR app\nCOPY --from=builder /wheels ./wheels\nRUN pip install --no-index --find-links /srv/app/wheels flask\n',
      errors: [{ messageId: 'left', line: 5, message: /target=\/srv\/app\/wheels pip/ }],
    },
    {
      name: 'relative destination with an unknown WORKDIR stays relative',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nCOPY --from=builder /wheels wheels\nRUN pip install wheels/*\n',
      errors: [{ messageId: 'left', message: /source=\/wheels,target=wheels pip/ }],
    },
    {
      name: 'copied into the base image\'s working directory (no WORKDIR) and installed by a relative glob, then removed',
      code: 'FROM python:3.12 AS build\nRUN pip wheel -w /dist requests\nFROM python:3.12-slim\nCOPY --from=build /dist/*.whl .\nRUN python3 -m pip install *.whl && rm -f *.whl\n',
      errors: [{ messageId: 'removed', line: 4, column: 19, endColumn: 30, message: /The `rm` on line 5 .*source=\/dist,target=\/wheels pip install \/wheels\/…` instead/ }],
    },
    {
      name: 'copied into WORKDIR /: the mount goes elsewhere, a mount on / would hide the file system',
      code: 'FROM python:3.12 AS build\nFROM python:3.12-slim\nWORKDIR /\nCOPY --from=build /dist/ .\nRUN pip install /*.whl\nRUN rm -f /*.whl\n',
      errors: [{ messageId: 'removed', line: 4, column: 19, endColumn: 25, message: /The `rm` on line 6 .*source=\/dist,target=\/wheels pip install \/wheels\/…` instead/ }],
    },
    {
      name: 'copied into the WORKDIR that holds the application (litellm: COPY . . then COPY --from=builder /app/dist/*.whl .): a mount there would hide the application, it goes on /wheels',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY --from=builder /app/dist/*.whl .\nRUN pip install *.whl && rm -f *.whl\n',
      errors: [{ messageId: 'removed', line: 5, column: 21, endColumn: 36, message: /The `rm` on line 6 .*source=\/app\/dist,target=\/wheels pip install \/wheels\/…` instead/ }],
    },
    {
      name: 'copied into the WORKDIR by its absolute path: the mount goes on /wheels too',
      code: 'FROM python:3.12 AS builder\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=builder /dist/ /app/\nRUN pip install /app/*.whl\n',
      errors: [{ messageId: 'left', line: 4, column: 21, endColumn: 27, message: /source=\/dist,target=\/wheels pip install \/wheels\/…` instead/ }],
    },
  ],
});

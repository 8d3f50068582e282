import rule from '~/rules/cache-mount-relative-target';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update\n',
    { name: 'bind without target option', code: 'FROM python:3.12\nRUN --mount=type=secret,id=tok cat /run/secrets/tok\n' },
    { name: 'bind mounts resolve against WORKDIR on purpose', code: 'FROM python:3.12\nWORKDIR /app\nRUN --mount=type=bind,source=uv.lock,target=uv.lock uv sync --locked\n' },
    { name: 'target from a variable', code: 'FROM python:3.12\nARG CACHE=/root/.cache/pip\nRUN --mount=type=cache,target=$CACHE pip install flask\n' },
    { name: 'absolute target with dst alias', code: 'FROM python:3.12\nRUN --mount=type=cache,dst=/root/.cache/pip pip install flask\n' },
    { name: 'braced variable', code: 'FROM python:3.12\nARG HOME_DIR=/root\nRUN --mount=type=cache,target=${HOME_DIR}/.cache/pip pip install flask\n' },
  ],
  invalid: [
    {
      name: 'the typo from a published Dockerfile',
      code: 'FROM python:3.10-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=l,sharing=locked \\\n    apt-get update\n',
      errors: [{ messageId: "relative", line: 2, column: 87, endColumn: 88 }],
    },
    { name: 'tmpfs', code: 'FROM python:3.12\nRUN --mount=type=tmpfs,dst=tmp pip install flask\n', errors: [{ line: 2, message: /^The tmpfs mount target `tmp` is a relative path/ }] },
    {
      name: 'tilde under a non-root user: that user\'s home',
      code: 'FROM python:3.12-slim\nRUN useradd -m app\nUSER app\nRUN --mount=type=cache,target=~/.cache/pip,uid=1000 pip install --user flask\n',
      errors: [{ messageId: 'tilde', line: 4, column: 31, endColumn: 43, message: /^The cache mount target `~\/\.cache\/pip` starts with `~`.*such as `\/home\/app\/\.cache\/pip`/ }],
      output: null,
    },
    {
      name: 'tilde under a uid whose home is not known: no suggestion',
      code: 'FROM python:3.12-slim\nUSER 1000\nRUN --mount=type=cache,target=~/.cache/pip,uid=1000 pip install --user flask\n',
      errors: [{ messageId: 'tilde', line: 3, message: /such as `<home of 1000>\/\.cache\/pip`/ }],
      output: null,
    },
    {
      name: 'tilde is not expanded',
      code: 'FROM python:3.12\nRUN --mount=type=cache,target=~/.cache/pip pip install flask\n',
      errors: [{ messageId: 'tilde', line: 2, column: 31, endColumn: 43, message: /`\/root\/\.cache\/pip`/ }],
      output: null,
    },
    { name: 'dot-relative, lower-case instruction', code: 'FROM python:3.12\nrun --mount=type=cache,target=./.cache/uv uv sync --locked\n', errors: [{ messageId: 'relative', line: 2, column: 31, endColumn: 42 }] },
    {
      name: 'a relative target that lands on the cache only because the working directory is /',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=root/.cache/pip,id=pip pip install -r r.txt\n',
      errors: [{ messageId: 'byChance', line: 2, column: 31, endColumn: 46, message: /lands on `\/root\/\.cache\/pip` only because the working directory is `\/`/ }],
      output: null,
    },
    {
      name: 'relative to a WORKDIR, on the apt lists',
      code: 'FROM debian:bookworm\nWORKDIR /var\nRUN --mount=type=cache,target=lib/apt,sharing=locked apt-get update\n',
      errors: [{ messageId: 'byChance', line: 3, column: 31, endColumn: 38, message: /`\/var\/lib\/apt`/ }],
    },
    { name: 'a relative target under a base image that may set its own WORKDIR', code: 'FROM ghcr.io/example/base:1\nRUN --mount=type=cache,target=root/.cache/pip pip install -r r.txt\n', errors: [{ messageId: 'relative' }] },
    { name: 'the home of a non-root user', code: 'FROM python:3.12-slim\nUSER app\nWORKDIR /home/app\nRUN --mount=type=cache,target=.cache/pip,uid=1000 pip install --user -r r.txt\n', errors: [{ messageId: 'byChance', message: /`\/home\/app\/\.cache\/pip`/ }] },
    { name: 'destination alias in ONBUILD', code: 'FROM python:3.12\nONBUILD RUN --mount=type=cache,destination=pip-cache pip install flask\n', errors: [{ line: 2 }] },
  ],
});

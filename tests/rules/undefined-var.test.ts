import { describe, expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/undefined-var';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nENV APP_HOME=/app\nWORKDIR $APP_HOME\n',
    { name: 'variables the python image defines, and PATH', code: 'FROM python:3.12-slim\nLABEL python.version=$PYTHON_VERSION\nENV PATH=/app/.venv/bin:$PATH LANG=$LANG\n' },
    { name: 'an ARG with and without a default', code: 'FROM python:3.12-slim\nARG APP_USER\nARG APP_HOME=/home/$APP_USER\nUSER $APP_USER\nWORKDIR ${APP_HOME}\n' },
    { name: 'ARGs in one instruction see the earlier ones', code: 'FROM python:3.12-slim\nARG BASE=/srv APP=${BASE}/app\n' },
    { name: 'the base image itself is a build argument', code: 'ARG BASE_IMAGE=python:3.12-slim\nFROM ${BASE_IMAGE}\nENV LD_LIBRARY_PATH=/opt/lib:$LD_LIBRARY_PATH\n' },
    { name: 'EXPOSE of a defined port', code: 'FROM python:3.12-slim\nENV PORT=8000\nEXPOSE $PORT ${METRICS_PORT:-9100}/tcp\n' },
    { name: 'a global ARG declared again in the stage', code: 'ARG VERSION=1.0\nFROM python:3.12-slim\nARG VERSION\nLABEL version=$VERSION\n' },
    { name: 'a platform ARG declared in the stage', code: 'FROM python:3.12-slim\nARG TARGETARCH\nCOPY dist/app-${TARGETARCH} /usr/local/bin/app\n' },
    {
      name: 'inherited from parent stages',
      code: df`
        FROM python:3.12-slim AS base
        ARG UID=10001
        ENV APP_HOME=/app
        FROM base AS build
        FROM build
        RUN --mount=type=cache,target=$APP_HOME/.cache echo
        USER $UID
      `,
    },
    { name: 'default and alternative forms handle the unset case', code: 'FROM python:3.12-slim\nWORKDIR ${APP_HOME:-/app}\nLABEL a=${A-x} b=${B:+y} c=${C+z}\n' },
    { name: 'RUN: platform and global args declared in the stage, guarded, assigned by the script, or shell variables', code: df`
      ARG YQ_VERSION=4.44.3
      FROM python:3.12-slim
      ARG TARGETARCH
      ARG YQ_VERSION
      RUN curl -fsSLo /yq https://example.com/v\${YQ_VERSION}/yq_linux_\${TARGETARCH} && echo "$HOME $foo"
      RUN echo \${TARGETOS:-linux} '$TARGETVARIANT'
      RUN BUILDARCH=$(uname -m) && echo $BUILDARCH
      RUN for TARGETPLATFORM in a b; do echo $TARGETPLATFORM; done
      RUN ["echo", "$BUILDOS"]` },
    { name: 'RUN: a global ARG on a base image whose variables are unknown (node sets NODE_VERSION)', code: 'ARG NODE_VERSION=20\nFROM node:\${NODE_VERSION}-slim\nRUN echo $NODE_VERSION\n' },
    { name: 'RUN under PowerShell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN echo $TARGETARCH\n' },
    { name: 'PYTHONPATH=/app:$PYTHONPATH is left to pythonpath-trailing-colon', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app:$PYTHONPATH\n' },
    { name: 'PYTHONPATH=${PYTHONPATH}:/src is left to pythonpath-trailing-colon', code: 'FROM python:3.12-slim\nENV PYTHONPATH=${PYTHONPATH}:/src\n' },
    { name: 'the variable inside its own guarded expansion', code: 'FROM python:3.12-slim\nENV PYTHONPATH=/app${PYTHONPATH:+:${PYTHONPATH}} LD=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/opt/lib\n' },
    { name: 'single quotes and escapes stop expansion', code: "FROM python:3.12-slim\nLABEL price='$5' literal=\\$HOME\n" },
    { name: 'escape directive', code: '# escape=`\nFROM python:3.12-slim\nLABEL literal=`$HOME\n' },
    { name: 'the shell expands RUN, CMD and ENTRYPOINT itself', code: 'FROM python:3.12-slim\nRUN echo $HOME $UNDEFINED\nCMD ["sh", "-c", "echo $UNDEFINED"]\nENTRYPOINT exec gunicorn --bind 0.0.0.0:$PORT app:app\n' },
    { name: 'a quoted heredoc delimiter keeps its body literal', code: 'FROM python:3.12-slim\nCOPY <<"EOF" /etc/profile.d/app.sh\nexport PATH=$HOME/bin:$PATH\nEOF\n' },
    { name: 'an unknown base image may define anything', code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nENV LD_LIBRARY_PATH=/opt/lib:$LD_LIBRARY_PATH\nWORKDIR $CUDA_HOME\n' },
    { name: 'a referenced image on another registry', code: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nENV UV_TOOL_DIR=$UV_TOOL_BIN_DIR\n' },
    { name: 'proxy variables need no ARG', code: 'FROM python:3.12-slim\nENV http_proxy=$HTTP_PROXY\n' },
    { name: 'self-reference inside one ENV is env-self-reference’s', code: 'FROM python:3.12-slim\nENV APP=/app DATA=$APP/data\n' },
    { name: 'triggers expand in another build', code: 'FROM python:3.12-slim\nONBUILD WORKDIR $APP_HOME\n' },
    { name: 'COPY --from is not expanded', code: 'FROM python:3.12-slim\nCOPY --from=$STAGE /a /b\n' },
  ],
  invalid: [
    {
      name: 'EXPOSE of a port nothing defines',
      code: 'FROM python:3.12-slim\nEXPOSE ${PORT}\n',
      errors: [{ messageId: 'undefined', line: 2, column: 8, endColumn: 15 }],
    },
    {
      code: 'FROM python:3.12-slim\nENV PATH=$PAHT:/app/bin\n',
      errors: [{ messageId: 'undefined', line: 2, column: 10, endColumn: 15, message: /^`\$PAHT` is not defined here.*\(did you mean `\$PATH`\?\)/ }],
    },
    {
      name: 'the BuildKit example: COPY $foo',
      code: 'FROM alpine AS base\nCOPY $foo .\n',
      errors: [{ messageId: 'undefined', line: 2, column: 6, endColumn: 10 }],
    },
    {
      name: 'an ARG default from nothing, with braces',
      code: 'FROM python:3.12-slim\nARG VERSION=${foo}\n',
      errors: [{ line: 2, column: 13, endColumn: 19 }],
    },
    {
      name: 'PYTHONPATH is not set by the python image',
      code: 'FROM python:3.12-slim\nENV PYTHONPATH=$PYTHONPATH\n',
      errors: [{ line: 2, column: 16, endColumn: 27 }],
    },
    {
      name: 'RUN: a platform arg the stage never declared is empty in the script',
      code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim\nRUN curl -fsSLo /usr/local/bin/yq https://example.com/yq_linux_\${TARGETARCH} \\\n    && chmod +x /usr/local/bin/yq\n',
      errors: [{ messageId: 'platformArg', line: 2, column: 64, endColumn: 77 }],
      output: null,
    },
    {
      name: 'RUN: one finding per name in a script, at its first use',
      code: 'FROM python:3.12-slim\nRUN curl -Lo go.linux-\${TARGETARCH}.tar.gz https://go.dev/dl/go.linux-\${TARGETARCH}.tar.gz \\\n    && tar -C /usr/local -xzf go.linux-\${TARGETARCH}.tar.gz && echo $TARGETOS\n',
      errors: [{ messageId: 'platformArg', line: 2, column: 23, endColumn: 36 }, { messageId: 'platformArg', line: 3, column: 69, endColumn: 78 }],
      output: null,
    },
    {
      name: 'RUN: a global ARG not declared again, in a heredoc',
      code: 'ARG APP_VERSION=1.2.3\nFROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir app==$APP_VERSION\nEOF\n',
      errors: [{ messageId: 'globalArg', line: 4, column: 33, endColumn: 45 }],
      output: null,
    },
    {
      name: 'a global ARG PYTHONPATH not declared in the stage keeps its message',
      code: 'ARG PYTHONPATH=/x\nFROM python:3.12-slim\nENV PYTHONPATH=/app:$PYTHONPATH\n',
      errors: [{ messageId: 'globalArg', line: 3, column: 21, endColumn: 32 }],
      output: null,
    },
    {
      name: 'PYTHONPATH read in another variable is still reported',
      code: 'FROM python:3.12-slim\nENV EXTRA=$PYTHONPATH:/opt/lib PYTHONPATH=/app:$PYTHONPATH\n',
      errors: [{ line: 2, column: 11, endColumn: 22 }],
    },
    {
      name: 'a global ARG used without declaring it in the stage',
      code: 'ARG APP_HOME=/app\nFROM python:3.12-slim\nWORKDIR $APP_HOME\n',
      errors: [{ messageId: 'globalArg', line: 3, column: 9, endColumn: 18 }],
      output: null,
    },
    {
      name: 'a platform ARG used without declaring it',
      code: df`
        FROM python:3.12-slim
        COPY dist/app-\${TARGETARCH} \\
             /usr/local/bin/app
      `,
      errors: [{ messageId: 'platformArg', line: 2, column: 15, endColumn: 28 }],
    },
    {
      name: 'a global ARG even on an unknown base image',
      code: 'ARG UID=10001\nFROM ghcr.io/example/base:1\nUSER $UID\n',
      errors: [{ messageId: 'globalArg', line: 3 }],
    },
    {
      name: 'a misspelling on an unknown base image',
      code: 'FROM ghcr.io/example/base:1\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOEM\n',
      errors: [{ messageId: 'misspelled', line: 3, column: 9, endColumn: 18, message: /did you mean `\$APP_HOME`/ }],
    },
    {
      name: 'COPY flags, exec form, lower case',
      code: 'from python:3.12-slim\ncopy --chown=$APP_USER:$APP_USER ["app", "$DEST"]\n',
      errors: [{ line: 2, column: 14, endColumn: 23 }, { line: 2, column: 24, endColumn: 33 }, { line: 2, column: 43, endColumn: 48 }],
    },
    {
      name: 'a heredoc body with an unquoted delimiter, and double quotes',
      code: 'FROM python:3.12-slim\nCOPY <<EOF /etc/app.conf\nhome=$APP_HOME\nEOF\nLABEL owner="$OWNER"\n',
      errors: [
        { messageId: 'undefinedInHeredoc', line: 3, column: 6, endColumn: 15, message: /the heredoc delimiter is not quoted.*quote the delimiter \(`<<'EOF'`\)/ },
        { messageId: 'undefined', line: 5, column: 14, endColumn: 20 },
      ],
    },
    {
      name: 'RUN mount options, VOLUME, STOPSIGNAL',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=$CACHE_DIR pip install .\nVOLUME ["$DATA_DIR"]\nSTOPSIGNAL $SIGNAL\n',
      errors: [{ line: 2, column: 31 }, { line: 3, column: 10 }, { line: 4, column: 12 }],
    },
    {
      name: 'declared only in a sibling stage, or later',
      code: df`
        FROM python:3.12-slim AS a
        ENV APP_HOME=/app
        FROM python:3.12-slim
        WORKDIR $APP_HOME
        ENV APP_HOME=/srv
      `,
      errors: [{ line: 4, column: 9 }],
    },
    {
      name: 'another variable inside a guarded expansion is still expanded',
      code: 'FROM python:3.12-slim\nWORKDIR ${APP_HOME:-$APP_ROOT/app}\n',
      errors: [{ line: 2, column: 21, endColumn: 30 }],
    },
    {
      name: 'the pattern forms have no default',
      code: 'FROM python:3.12-slim\nWORKDIR /${APP_DIR%/}\n',
      errors: [{ line: 2, column: 10, endColumn: 19 }],
    },
    {
      name: 'buildpack-deps sets no ENV: $HOME is empty at build time (the pyenv CI image pattern)',
      code: 'FROM buildpack-deps:focal\nENV PYENV_ROOT $HOME/.pyenv\n',
      errors: [{ line: 2, column: 16, endColumn: 21, message: /`\$HOME` is not defined here/ }],
    },
    {
      name: 'scratch defines nothing but PATH',
      code: 'FROM scratch\nENV HOME=$HOME\n',
      errors: [{ line: 2, column: 10 }],
    },
  ],
});

describe('undefined-var suggestions', () => {
  it('declares the missing ARG right after the FROM of the stage', () => {
    const code = 'ARG APP_HOME=/app\nFROM python:3.12-slim AS app\nENV X=1\nWORKDIR $APP_HOME\n';
    const [finding] = lintWith([rule], code).findings;
    expect(finding?.fix).toBeUndefined();
    const fixed = applyFixes(code, [finding!], { unsafe: true });
    expect(fixed.text).toBe('ARG APP_HOME=/app\nFROM python:3.12-slim AS app\nARG APP_HOME\nENV X=1\nWORKDIR $APP_HOME\n');
    expect(lintWith([rule], fixed.text).findings).toEqual([]);
  });
});

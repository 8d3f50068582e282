import { expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/json-args-recommended';
import { df, ruleTester } from '../support/rule-tester';

const py = (line: string) => `FROM python:3.12-slim\n${line}\n`;

ruleTester.run(rule, {
  valid: [
    py('CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]'),
    { name: 'exec form ENTRYPOINT', code: py('ENTRYPOINT ["python", "-m", "app"]') },
    { name: 'sh -c in exec form', code: py('CMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:$PORT app:app"]') },
    { name: 'SHELL set before (BuildKit)', code: py('SHELL ["/bin/bash", "-c"]\nCMD gunicorn app:app') },
    { name: 'SHELL set in a parent stage', code: 'FROM python:3.12-slim AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nCMD gunicorn app:app\n' },
    { name: 'CMD exec replaces the shell', code: py('CMD exec gunicorn --bind 0.0.0.0:$PORT app:app') },
    { name: 'ENTRYPOINT exec … "$0" "$@" hands the CMD on to the program (Sentry self-hosted)', code: py('ENTRYPOINT exec /docker-entrypoint.sh "$0" "$@"\nCMD ["run", "web"]') },
    { name: 'empty CMD', code: py('CMD []') },
    { name: 'empty CMD with spaces', code: py('CMD [ ]') },
    { name: 'exec form across continuations', code: py('CMD ["gunicorn", \\\n     "--bind", "0.0.0.0:8000", \\\n     "app:app"]') },
    { name: 'exec form with escaped quotes and brackets inside strings', code: py('CMD ["sh", "-c", "echo \\"[x, y]\\" && exec python app.py"]') },
    { name: 'exec form on distroless', code: 'FROM gcr.io/distroless/python3-debian12:nonroot\nCMD ["main.py"]\n' },
    { name: 'SHELL on a distroless debug image', code: 'FROM gcr.io/distroless/python3-debian12:debug\nSHELL ["/busybox/sh", "-c"]\nCMD python3 main.py\n' },
    { name: 'exec form with a backtick escape directive', code: '# escape=`\nFROM python:3.12-slim\nCMD ["python", `\n    "app.py"]\n' },
  ],
  invalid: [
    {
      name: 'distroless has no shell: the container does not start',
      code: 'FROM python:3.11-slim AS build\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=build /app /app\nCMD python3 -m src.main\n',
      errors: [{ messageId: 'noShell', line: 4, column: 5, endColumn: 24, message: /^`CMD` in shell form runs through `\/bin\/sh -c`, but `gcr\.io\/distroless\/python3-debian12` has no shell: the container fails to start/ }],
    },
    {
      name: 'Chainguard python without -dev, CMD exec and a variable',
      code: 'FROM cgr.dev/chainguard/python:latest\nENV PORT=8000\nCMD exec python -m http.server $PORT\n',
      errors: [{ messageId: 'noShell', line: 3, column: 5, endColumn: 37, message: /exec form does not expand `\$PORT` either/ }],
    },
    {
      name: 'scratch ENTRYPOINT',
      code: 'FROM scratch\nCOPY --from=build /tool /tool\nENTRYPOINT /tool --serve\n',
      errors: [{ messageId: 'noShell', line: 3, column: 12, endColumn: 25 }],
    },
    {
      name: 'a shell image (-dev, debug, or a root filesystem copied in) keeps the usual message',
      code: 'FROM cgr.dev/chainguard/python:latest-dev\nCMD python app.py\nFROM gcr.io/distroless/python3-debian12:debug\nCMD python3 app.py\nFROM scratch\nCOPY --from=busybox:1.36 / /\nCMD sh\n',
      errors: [{ messageId: 'shellForm', line: 2 }, { messageId: 'shellForm', line: 4 }, { messageId: 'shellForm', line: 7 }],
    },
    {
      code: py('CMD gunicorn --bind 0.0.0.0:8000 app:app'),
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endColumn: 41 }],
    },
    {
      name: 'a variable: exec form alone would not expand it',
      code: py('CMD gunicorn --bind 0.0.0.0:$PORT app:app'),
      errors: [{ messageId: 'shellFormVariable', line: 2, column: 5, endColumn: 42, message: /would not expand `\$PORT`: start the command with `exec` \(`CMD exec gunicorn …`\)/ }],
    },
    {
      name: 'ENTRYPOINT with a variable default',
      code: py('ENTRYPOINT python3 -m server --port ${PORT:-8080}'),
      errors: [{ messageId: 'shellFormEntrypointVariable', column: 12, message: /would not expand `\$\{PORT\}`: write `ENTRYPOINT \["sh", "-c", "exec python3 …"\]`/ }],
    },
    {
      name: 'ENTRYPOINT exec with "$@" but not "$0": the first word of CMD is lost',
      code: py('ENTRYPOINT exec /docker-entrypoint.sh "$@"'),
      errors: [{ messageId: 'shellFormEntrypoint', line: 2, column: 12 }],
    },
    {
      name: 'ENTRYPOINT, even with exec',
      code: py('ENTRYPOINT exec python -m app'),
      errors: [{ messageId: 'shellFormEntrypoint', column: 12 }],
    },
    {
      name: 'an end-of-line comment after exec form',
      code: py('CMD ["python", "app.py"]  # start the app'),
      errors: [{ messageId: 'invalidJson', line: 2, column: 5, endColumn: 42, message: /\(a comment follows the closing `\]`, and Docker has no end-of-line comments\)/ }],
    },
    {
      name: 'shell operators after exec form',
      code: py('ENTRYPOINT ["python", "-m", "app"] && echo hi'),
      errors: [{ messageId: 'invalidJson', message: /\(text follows the closing `\]`\)/ }],
    },
    {
      name: 'typographic quotes pasted from a document',
      code: py('CMD [“python”, “app.py”]'),
      errors: [{ messageId: 'invalidJson', message: /\(typographic quotes/ }],
    },
    {
      name: 'single quotes are not JSON',
      code: py("CMD ['python', 'app.py']"),
      errors: [{ messageId: 'invalidJson', message: /^This `CMD` looks like exec form/ }],
    },
    {
      name: 'a trailing comma is not JSON',
      code: py('CMD ["gunicorn", "app:app",]'),
      errors: [{ messageId: 'invalidJson', line: 2, column: 5, endColumn: 29, message: /^This `CMD` looks like exec form but is not valid JSON \(a trailing comma before `\]` is not allowed\), so Docker runs the text through `\/bin\/sh -c`/ }],
    },
    {
      name: 'a missing comma is not JSON',
      code: py('ENTRYPOINT ["python" "app.py"]'),
      errors: [{ messageId: 'invalidJson', line: 2, column: 12, endColumn: 31, message: /^This `ENTRYPOINT` .*\(a comma is missing between two strings\)/ }],
    },
    {
      name: 'an unclosed array is not JSON',
      code: py('CMD ["python", "app.py"'),
      errors: [{ messageId: 'invalidJson', line: 2, column: 5, endColumn: 24, message: /\(the closing `\]` is missing\)/ }],
    },
    {
      name: 'a number is not a string',
      code: py('CMD ["python", "-m", "http.server", 8000]'),
      errors: [{ messageId: 'invalidJson', message: /every element must be a string/ }],
    },
    {
      name: 'a trailing comma across a continuation, with a SHELL set',
      code: py('SHELL ["/bin/bash", "-c"]\nCMD ["gunicorn", \\\n     "app:app",\\\n]'),
      errors: [{ messageId: 'invalidJson', line: 3, column: 5, endLine: 5, endColumn: 2 }],
    },
    {
      name: 'shell form with a bracket later is shell form, not broken JSON',
      code: py('CMD echo [x]'),
      errors: [{ messageId: 'shellForm', column: 5, endColumn: 13 }],
    },
    {
      name: 'SHELL set after does not count',
      code: py('CMD python app.py\nSHELL ["/bin/bash", "-c"]'),
      errors: 1,
    },
    {
      name: 'SHELL in an unrelated stage does not count',
      code: 'FROM python:3.12-slim AS other\nSHELL ["/bin/bash", "-c"]\nFROM python:3.12-slim\nCMD python app.py\n',
      errors: [{ line: 4 }],
    },
    {
      name: 'a chain',
      code: py('CMD python manage.py migrate && gunicorn app.wsgi'),
      errors: 1,
    },
    {
      name: 'every stage, lower case, continuation',
      code: 'FROM python:3.12-slim AS test\ncmd pytest \\\n    -q\nFROM python:3.12-slim\nCMD ["python", "app.py"]\n',
      errors: [{ line: 2, column: 5, endLine: 3, endColumn: 7 }],
    },
  ],
});

it('suggests exec form for plain words only', () => {
  const cases: Array<[string, string | null]> = [
    [py('CMD gunicorn --bind 0.0.0.0:8000 app:app'), py('CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]')],
    [py('ENTRYPOINT exec python -m app'), py('ENTRYPOINT ["python", "-m", "app"]')],
    [py('CMD pytest \\\n    -q'), py('CMD ["pytest", "-q"]')],
    [py('CMD gunicorn --bind 0.0.0.0:$PORT app:app'), null],
    [py('CMD python manage.py migrate && gunicorn app.wsgi'), null],
    [py('CMD python -c "print(1)"'), null],
    [py('CMD FLASK_APP=app flask run'), null],
    ['FROM scratch\nCOPY --from=build /tool /tool\nENTRYPOINT /tool --serve\n', 'FROM scratch\nCOPY --from=build /tool /tool\nENTRYPOINT ["/tool", "--serve"]\n'],
    ['FROM gcr.io/distroless/python3-debian12\nCMD exec python3 -m app\n', 'FROM gcr.io/distroless/python3-debian12\nCMD ["python3", "-m", "app"]\n'],
  ];
  for (const [code, expected] of cases) {
    const { findings } = lintWith([rule], code);
    expect(findings).toHaveLength(1);
    if (expected === null) expect(findings[0]!.suggestions ?? []).toEqual([]);
    else expect(applyFixes(code, findings, { unsafe: true }).text).toBe(expected);
  }
});

it('reports ONBUILD triggers too', () => {
  expect(lintWith([rule], df`
    FROM python:3.12-slim
    ONBUILD CMD python app.py
  `).findings).toHaveLength(1);
});

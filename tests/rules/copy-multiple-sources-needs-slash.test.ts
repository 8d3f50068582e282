import rule from '~/rules/copy-multiple-sources-needs-slash';
import { ruleTester } from '../support/rule-tester';

const py = (line: string) => `FROM python:3.12-slim\nWORKDIR /app\n${line}\n`;

ruleTester.run(rule, {
  valid: [
    py('COPY requirements.txt pyproject.toml ./'),
    { name: 'one source', code: py('COPY requirements.txt .') },
    { name: 'a destination whose text ends with / (dockerfile-ast reads the word only up to the #)', code: py('COPY a.txt b.txt out#$5j./') },
    { name: 'one source with a glob', code: py('COPY requirements*.txt .') },
    { name: 'exec form with a slash', code: py('COPY ["a.txt", "b.txt", "/data/"]') },
    { name: 'flags are not sources', code: py('COPY --chown=10001 --chmod=644 --link app.py ./app.py') },
    { name: 'variable destination with a slash', code: py('ARG DEST=/srv/\nCOPY a b $DEST') },
    { name: 'unresolved variable', code: py('COPY a b $DEST') },
    { name: 'heredoc', code: 'FROM python:3.12-slim\nCOPY <<EOF /app/settings.ini\n[app]\nEOF\n' },
  ],
  invalid: [
    {
      code: py('COPY requirements.txt pyproject.toml .'),
      errors: [{ messageId: 'needsSlash', line: 3, column: 38, endColumn: 39, message: /^`COPY` copies 2 sources into `\.`/ }],
      output: py('COPY requirements.txt pyproject.toml ./'),
    },
    {
      name: 'absolute destination, ADD, --from',
      code: py('COPY --from=build /wheels/a.whl /wheels/b.whl /tmp/wheels\nADD a.txt b.txt /data'),
      errors: [{ line: 3, column: 47 }, { line: 4, column: 17 }],
      output: py('COPY --from=build /wheels/a.whl /wheels/b.whl /tmp/wheels/\nADD a.txt b.txt /data/'),
    },
    {
      name: 'exec form',
      code: py('COPY ["a.txt", "b.txt", "/data"]'),
      errors: [{ column: 25, endColumn: 32 }],
      output: py('COPY ["a.txt", "b.txt", "/data/"]'),
    },
    {
      name: 'variable destination resolved',
      code: py('ARG DEST=/srv\nCOPY a b $DEST'),
      errors: [{ line: 4, message: /into `\$DEST`/ }],
      output: py('ARG DEST=/srv\nCOPY a b $DEST/'),
    },
    {
      name: 'lower-case, ONBUILD',
      code: 'FROM python:3.12-slim\nONBUILD copy a b /app\n',
      errors: [{ line: 2, column: 18 }],
      output: 'FROM python:3.12-slim\nONBUILD copy a b /app/\n',
    },
  ],
});

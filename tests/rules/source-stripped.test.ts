import rule from '~/rules/source-stripped';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    "FROM python:3.12-slim\nRUN find /app -name '*.pyc' -delete\n",
    "FROM python:3.12-slim\nRUN python -m compileall /app\n",
    { name: 'deleting tests only', code: "FROM python:3.12-slim\nRUN find /app -name 'test_*.py' -delete\n" },
    { name: 'only the test modules of the stdlib', code: "FROM python:3.12-slim\nRUN find /usr/local/lib/python3.12 -name '*.py' -path '*/test/*' -delete\n" },
    { name: 'downloaded scripts in /tmp', code: 'FROM python:3.12-slim\nRUN curl -fsSLo /tmp/get-pip.py https://bootstrap.pypa.io/get-pip.py && python /tmp/get-pip.py && rm -f /tmp/*.py\n' },
    { name: 'a find in /tmp', code: "FROM python:3.12-slim\nRUN find /tmp -name '*.py' -delete\n" },
    { name: 'find in the tests directory only', code: "FROM python:3.12\nRUN find /app/tests -name '*.py' -delete\n" },
    { name: 'rm of test modules', code: 'FROM python:3.12\nRUN rm -f ./tests/*.py test/*.py\n' },
  ],
  invalid: [
    {
      name: 'the first seed article',
      code: "FROM python:3.10\nRUN find /app -name '*.py[co]' -delete \\\n    && python -m compileall -b /app \\\n    && find /app -name '*.py' -delete\n",
      errors: [{ messageId: 'stripped', line: 4, column: 8, endColumn: 38 }],
    },
    { code: "FROM python:3.12\nRUN find . -name \"*.py\" -exec rm {} +\n", errors: 1 },
    {
      name: 'compileall without -b, then the sources deleted: nothing importable is left',
      code: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN python -m compileall . && find . -name "*.py" -delete\n',
      errors: [{ messageId: 'cacheOnly', line: 4, column: 31, endLine: 4, endColumn: 58 }],
    },
    {
      name: 'compileall without -b in an earlier RUN of the parent stage',
      code: 'FROM python:3.12-slim AS base\nCOPY . /app\nRUN python3 -m compileall -q /app\nFROM base\nRUN find /app -name "*.py" -delete\n',
      errors: [{ messageId: 'cacheOnly', line: 5, column: 5, endColumn: 35 }],
    },
    {
      name: '-b in a cluster of flags',
      code: 'FROM python:3.12-slim\nCOPY . /app\nRUN python -m compileall -qb /app && find /app -name "*.py" -delete\n',
      errors: [{ messageId: 'stripped', line: 3, column: 38 }],
    },
    {
      name: 'compileall from python -c is not read: the usual message',
      code: 'FROM python:3.12-slim\nCOPY . /app\nRUN python -m compileall /lib && python -c "import compileall; compileall.compile_dir(\'/app\', legacy=True)" && find /app -name "*.py" -delete\n',
      errors: [{ messageId: 'stripped', line: 3 }],
    },

    { code: "FROM python:3.12\nRUN find /app -name '*.py' | xargs rm -f\n", errors: 1 },
    { code: 'FROM python:3.12\nRUN rm -f /app/*.py\n', errors: 1 },
    { name: '-iname in upper case, through xargs', code: "FROM python:3.12\nRUN find /src -iname '*.PY' -print0 | xargs -0 rm -f\n", errors: [{ line: 2, column: 39, endColumn: 53 }] },
    { name: 'tests pruned, everything else deleted', code: "FROM python:3.12\nRUN find /app -path '*/tests' -prune -o -name '*.py' -delete\n", errors: [{ line: 2, column: 5, endColumn: 61 }] },
  ],
});

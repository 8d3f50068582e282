import rule from '~/rules/legacy-key-value-format';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM python:3.12\nENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1\n', 'FROM python:3.12\nLABEL a=b\n', 'FROM python:3.12\nARG X\n'],
  invalid: [
    { code: 'FROM python:3.12\nENV PYTHONUNBUFFERED 1\n', errors: [{ messageId: 'legacy', line: 2, column: 5, endColumn: 23 }], output: 'FROM python:3.12\nENV PYTHONUNBUFFERED=1\n' },
    { code: 'FROM python:3.12\nENV GREETING hello world\n', errors: 1, output: 'FROM python:3.12\nENV GREETING="hello world"\n' },
    { code: 'FROM python:3.12\nLABEL maintainer "ops@example.com"\n', errors: 1, output: 'FROM python:3.12\nLABEL maintainer="ops@example.com"\n' },
    {
      name: 'quotes inside the value are removed by Docker in both forms, so the text is kept as written (addons-server: ENV HISTIGNORE ls:exit:"cd ..")',
      code: 'FROM python:3.12\nENV HISTIGNORE ls:exit:"cd .."\n',
      errors: [{ messageId: 'legacy', line: 2, column: 5, endColumn: 31, message: /Write `ENV HISTIGNORE=ls:exit:"cd \.\."`\.$/ }],
      output: 'FROM python:3.12\nENV HISTIGNORE=ls:exit:"cd .."\n',
    },
    { name: 'an escaped blank stays escaped', code: 'FROM python:3.12\nENV C a\\ b\n', errors: 1, output: 'FROM python:3.12\nENV C=a\\ b\n' },
    { name: 'blanks and a variable: double quotes keep the expansion', code: 'FROM python:3.12\nENV PATH $PATH /x\n', errors: 1, output: 'FROM python:3.12\nENV PATH="$PATH /x"\n' },
    { name: 'blanks beside quotes: no safe rewrite, no fix', code: 'FROM python:3.12\nENV OPTS --a "b c" d\n', errors: [{ messageId: 'legacy', message: /Write `ENV OPTS=…`\.$/ }], output: null },
  ],
});

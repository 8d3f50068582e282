import rule from '~/rules/env-self-reference';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12\nENV A=1\nENV B=$A\n', 'FROM python:3.12\nENV PATH=/venv/bin:$PATH\n', 'FROM python:3.12\nENV A=1 B=2\n',
    // Not expanded: single quotes, the escape character (and a custom one).
    "FROM python:3.12\nENV A=1 B='$A'\n", 'FROM python:3.12\nENV A=1 B=\\$A\n', '# escape=`\nFROM python:3.12\nENV A=1 B=`$A\n',
    // A later property's name inside an earlier value, and a longer name that starts with an earlier one.
    'FROM python:3.12\nENV B=$A A=1\n', 'FROM python:3.12\nENV A=1 B=$AB\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nENV APP=/srv/app PYTHONPATH=$APP/src\n', errors: [{ messageId: 'self', line: 2, column: 29, endColumn: 33 }] },
    { code: 'FROM python:3.12\nENV VENV=/opt/venv PATH="${VENV}/bin:$PATH"\n', errors: [{ messageId: 'self', line: 2, column: 26, endColumn: 33 }] },
    // Guarded expansions still read the old value; the range stops at the name.
    { code: 'FROM python:3.12\nENV A=1 B=${A:-2}\n', errors: [{ messageId: 'self', line: 2, column: 11, endColumn: 14 }] },
    // Inside double quotes, and after an escaped dollar sign.
    { code: 'FROM python:3.12\nENV A=1 B="x $A" C=\\$$A\n', errors: [{ messageId: 'self', line: 2, column: 14, endColumn: 16 }, { messageId: 'self', line: 2, column: 22, endColumn: 24 }] },
    // The escape directive changes which character escapes: a backslash is literal then.
    { code: '# escape=`\nFROM python:3.12\nENV A=1 B=C:\\$A\n', errors: [{ messageId: 'self', line: 3, column: 14, endColumn: 16 }] },
  ],
});

import rule from '~/rules/wget-without-progress';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['FROM debian:bookworm\nRUN wget -q https://example.com/a\n', 'FROM debian:bookworm\nRUN wget --progress=dot:giga https://example.com/a\n', 'FROM debian:bookworm\nRUN wget -nv x\n'],
  invalid: [{ code: 'FROM debian:bookworm\nRUN wget https://example.com/a.tar.gz\n', errors: [{ messageId: 'progress', line: 2, column: 5, endColumn: 9 }], output: 'FROM debian:bookworm\nRUN wget --progress=dot:giga https://example.com/a.tar.gz\n' }],
});

import rule from '~/rules/wget-and-curl';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    { name: 'command -v only asks whether curl exists', code: 'FROM debian:bookworm-slim\nRUN command -v curl >/dev/null || echo "no curl"\nRUN wget -q https://example.com/a\n' },'FROM debian:bookworm\nRUN curl -fsSLO https://example.com/a\n', 'FROM debian:bookworm AS a\nRUN curl -O x\nFROM debian:bookworm\nRUN wget x\n'],
  invalid: [{ code: 'FROM debian:bookworm\nRUN curl -fsSLO https://example.com/a\nRUN wget -q https://example.com/b\n', errors: [{ messageId: 'both', line: 3, column: 5, endColumn: 9 }] }],
});

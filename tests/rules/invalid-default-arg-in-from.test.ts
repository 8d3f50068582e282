import rule from '~/rules/invalid-default-arg-in-from';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: ['ARG PY=3.12\nFROM python:${PY}-slim\n', 'ARG TAG=3.12\nFROM python:$TAG\n', 'ARG IMG=python:3.12-slim\nFROM $IMG\n'],
  invalid: [
    { code: 'ARG TAG\nFROM python:$TAG\n', errors: [{ messageId: 'invalid', line: 2, column: 6, endColumn: 17, message: /`python:`/ }] },
    { code: 'ARG IMAGE\nFROM $IMAGE\n', errors: [{ message: /\(empty\)/ }] },
  ],
});

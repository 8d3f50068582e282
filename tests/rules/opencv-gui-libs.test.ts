import rule from '~/rules/opencv-gui-libs';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir opencv-python-headless\n',
    'FROM python:3.12-slim\nRUN apt-get install -y libglib2.0-0\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN apt-get install -y libglib2.0-0 libsm6 libxrender1 libxext6\n',
      errors: [{ messageId: 'guis', line: 2, column: 37, endColumn: 64, message: /`libsm6`, `libxrender1`, `libxext6`/ }],
    },
    { code: 'FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends libgl1\n', errors: 1 },
  ],
});

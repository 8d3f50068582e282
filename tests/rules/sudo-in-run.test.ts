import { expect, it } from 'vitest';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/sudo-in-run';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends sudo\n',
    { name: 'gosu is not sudo', code: 'FROM python:3.12-slim\nRUN gosu app python -m compileall /app\n' },
    { name: 'the word in a string', code: 'FROM python:3.12-slim\nRUN echo "sudo is not installed"\n' },
    { name: 'CMD is not judged', code: 'FROM python:3.12-slim\nCMD ["sudo", "-u", "app", "gunicorn", "app:app"]\n' },
    { name: 'a sudoers file', code: 'FROM python:3.12-slim\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN sudo apt-get update\n',
      errors: [{ messageId: 'asRoot', line: 2, column: 5, endColumn: 9 }],
      output: null,
      onbuild: true,
    },
    {
      name: 'a base image that may run as its own user: no claim that the step runs as root, no removal',
      code: 'FROM gitpod/workspace-full\nRUN sudo apt-get update -q && sudo rm -rf /var/lib/apt/lists/*\n',
      errors: [
        { messageId: 'unknownUser', line: 2, column: 5, endColumn: 9, message: /`gitpod\/workspace-full`.*USER root.*remove `sudo`/ },
        { messageId: 'unknownUser', line: 2, column: 31, endColumn: 35 },
      ],
    },
    {
      name: 'an official image named with its registry runs as root',
      code: 'FROM docker.io/library/python:3.12-slim\nRUN sudo apt-get update\n',
      errors: [{ messageId: 'asRoot' }],
    },
    {
      name: 'after a non-root USER',
      code: 'FROM python:3.12-slim\nUSER app\nRUN sudo pip install flask\n',
      errors: [{ messageId: 'asUser', message: /back to `USER app`/ }],
      output: null,
    },
    {
      name: 'USER root again',
      code: 'FROM python:3.12-slim\nUSER app\nUSER 0\nRUN sudo pip install flask\n',
      errors: [{ messageId: 'asRoot' }],
    },
    {
      name: 'USER inherited from a parent stage',
      code: df`
        FROM python:3.12-slim AS base
        USER 10001
        FROM base
        RUN sudo -E pip install flask
      `,
      errors: [{ messageId: 'asUser', line: 4, column: 5 }],
    },
    {
      name: 'in a chain, with options',
      code: 'FROM python:3.12-slim\nRUN echo hi && sudo -u app touch /tmp/x\n',
      errors: [{ messageId: 'asOtherUser', line: 2, column: 16, endColumn: 20, message: /^`sudo -u app` runs this command as `app`, but most base images do not install `sudo`, so the build fails\. Switch with `USER app`/ }],
      output: null,
    },
    {
      name: 'sudo installed by the Dockerfile: the build does not fail, the message does not say so',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends sudo\nRUN sudo pip install flask\nRUN sudo -H --user=app pip install --user flask\n',
      errors: [
        { messageId: 'asRoot', line: 3, message: /^`sudo` is not needed: this step already runs as root\. Remove it\.$/ },
        { messageId: 'asOtherUser', line: 4, message: /^`sudo -u app` runs this command as `app`, which ships `sudo` in the image for it\./ },
      ],
    },
    {
      name: 'sudo sh -c reports once',
      code: "FROM python:3.12-slim\nRUN sudo sh -c 'apt-get update && apt-get install -y curl'\n",
      errors: [{ line: 2, column: 5, endColumn: 9 }],
    },
    {
      name: 'inside sh -c',
      code: "FROM python:3.12-slim\nRUN sh -c 'sudo apt-get update'\n",
      errors: [{ line: 2, column: 12, endColumn: 16 }],
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12-slim\nRUN ["sudo", "apt-get", "update"]\n',
      errors: [{ line: 2, column: 7, endColumn: 11 }],
    },
    {
      name: 'heredoc',
      code: 'FROM python:3.12-slim\nRUN <<EOF\nsudo apt-get update\nEOF\n',
      errors: [{ line: 3, column: 1, endColumn: 5 }],
    },
  ],
});

it('suggests removing sudo when the step runs as root', () => {
  const { findings } = lintWith([rule], 'FROM python:3.12-slim\nRUN sudo apt-get update\n');
  expect(findings[0]!.suggestions?.[0]?.edits).toEqual([{ start: 26, end: 31, text: '' }]);
});

it('does not suggest removing sudo on a base image that may run as its own user', () => {
  const { findings } = lintWith([rule], 'FROM gitpod/workspace-full\nRUN sudo apt-get update\n');
  expect(findings[0]!.suggestions ?? []).toEqual([]);
});

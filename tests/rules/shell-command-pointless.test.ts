import rule from '~/rules/shell-command-pointless';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends procps vim openssh-client\n',
    { name: 'a version check', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends vim procps && vim --version && ps --help\n' },
    { name: 'command -v only checks', code: 'FROM python:3.12-slim\nRUN command -v ps || echo missing\n' },
    { name: 'a service used by later commands of the same RUN', code: 'FROM postgres:16\nRUN service postgresql start && psql -c "select 1" && service postgresql stop\n' },
    { name: 'a background process watched and stopped', code: 'FROM python:3.12-slim\nRUN python -m http.server 8000 & sleep 2 && curl -f localhost:8000 && kill %1\n' },
    { name: 'vim in scripted mode', code: 'FROM python:3.12-slim\nRUN vim +PlugInstall +qall\n' },
    { name: 'vim in ex mode', code: 'FROM python:3.12-slim\nRUN vim -es -c "set ff=unix" -c wq script.sh\n' },
    { name: 'ssh with a forwarded agent', code: 'FROM python:3.12-slim\nRUN --mount=type=ssh ssh -T -o StrictHostKeyChecking=accept-new git@github.com || true\n' },
    { name: 'ssh-keyscan is another program', code: 'FROM python:3.12-slim\nRUN mkdir -p ~/.ssh && ssh-keyscan github.com >> ~/.ssh/known_hosts\n' },
    { name: 'mount under --security=insecure', code: '# syntax=docker/dockerfile:1-labs\nFROM python:3.12-slim\nRUN --security=insecure mount -t tmpfs none /mnt\n' },
    { name: 'words in an echo', code: 'FROM python:3.12-slim\nRUN echo "run ps and top to debug"\n' },
    { name: 'CMD is not judged', code: 'FROM python:3.12-slim\nCMD ["service", "nginx", "start"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN service nginx start\n',
      errors: [{ messageId: 'pointless', line: 2, column: 5, endColumn: 12, message: /^`service` starts or stops a service that dies when this `RUN` ends/ }],
      onbuild: true,
    },
    {
      name: 'service as the last command',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y nginx && service nginx start\n',
      errors: [{ line: 2, column: 51 }],
    },
    {
      name: 'ps in a chain',
      code: 'FROM python:3.12-slim\nRUN pip install flask; ps aux\n',
      errors: [{ line: 2, column: 24, endColumn: 26 }],
    },
    {
      name: 'sudo and env wrappers',
      code: 'FROM python:3.12-slim\nRUN sudo env A=1 shutdown -h now\n',
      errors: [{ line: 2, column: 18, endColumn: 26 }],
    },
    {
      name: 'sh -c',
      code: "FROM python:3.12-slim\nRUN sh -c 'free -m && top -b -n 1'\n",
      errors: [{ line: 2, column: 12 }, { line: 2, column: 23 }],
    },
    {
      name: 'heredoc',
      code: df`
        FROM python:3.12-slim
        RUN <<EOF
        set -e
        ifconfig
        mount /dev/sda1 /mnt
        EOF
      `,
      errors: [{ line: 4, column: 1 }, { line: 5, column: 1 }],
    },
    {
      name: 'ssh without an agent mount',
      code: 'FROM python:3.12-slim\nRUN ssh git@example.com\n',
      errors: [{ message: /RUN --mount=type=ssh/ }],
    },
    {
      name: 'kill with nothing in the background',
      code: 'FROM python:3.12-slim\nRUN kill -9 1\n',
      errors: 1,
    },
    {
      name: 'vim interactive',
      code: 'FROM python:3.12-slim\nRUN vim /etc/hosts\n',
      errors: 1,
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12-slim\nRUN ["service", "cron", "start"]\n',
      errors: [{ line: 2, column: 6, endColumn: 15 }],
    },
  ],
});

import rule from '~/rules/apt-get-unpinned';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5=15.10-0+deb12u1\n',
    { name: 'variables', code: 'FROM python:3.12-slim\nARG PKGS="curl git"\nRUN apt-get install -y $PKGS ${EXTRA}\n' },
    { name: 'command substitution', code: 'FROM python:3.12-slim\nRUN apt-get install -y $(cat /tmp/packages.txt)\n' },
    { name: 'local .deb files', code: 'FROM python:3.12-slim\nRUN apt-get install -y ./wkhtmltox_0.12.6.1-3.bookworm_amd64.deb /tmp/other.deb\n' },
    { name: 'release selected with -t', code: 'FROM debian:bookworm-slim\nRUN apt-get install -y -t bookworm-backports golang-go\n' },
    { name: 'release selected with --target-release=', code: 'FROM debian:bookworm-slim\nRUN apt-get install -y --target-release=bookworm-backports golang-go\n' },
    { name: 'pkg/release', code: 'FROM debian:bookworm-slim\nRUN apt-get install -y golang-go/bookworm-backports\n' },
    { name: '-o values are not packages', code: 'FROM python:3.12-slim\nRUN apt-get -o Dpkg::Options::=--force-confnew install -y tzdata=2024a-0+deb12u1\n' },
    { name: 'apt-get update and remove', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get remove -y curl\n' },
    { name: 'off unless enabled', code: 'FROM python:3.12-slim\nRUN apt-get install -y curl\n', options: { rules: { 'apt-get-unpinned': 'off' } } },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39.5-0+deb12u1\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 66, endColumn: 70, message: /^`curl` is installed without a version/ }],
      onbuild: true,
    },
    {
      name: 'one finding per package, across continuations',
      code: df`
        FROM python:3.12-slim
        RUN apt-get update \\
            && apt-get install -y \\
               build-essential \\
               libpq-dev
      `,
      errors: [{ line: 4, column: 8, endColumn: 23 }, { line: 5, column: 8, endColumn: 17 }],
    },
    {
      name: 'apt install and sh -c',
      code: "FROM python:3.12-slim\nRUN sh -c 'apt install -y curl'\n",
      errors: [{ line: 2, column: 27 }],
    },
    {
      name: 'architecture qualifier is not a version',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y libc6:i386\n',
      errors: [{ message: /`libc6:i386`/ }],
    },
    {
      name: 'heredoc',
      code: 'FROM python:3.12-slim\nRUN <<EOF\napt-get install -y curl\nEOF\n',
      errors: [{ line: 3, column: 20 }],
    },
  ],
});

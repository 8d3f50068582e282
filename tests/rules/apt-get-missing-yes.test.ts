import rule from '~/rules/apt-get-missing-yes';
import { df, ruleTester } from '../support/rule-tester';

const py = (run: string) => `FROM python:3.12-slim\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    { name: 'options in a build argument', code: 'FROM python:3.12-slim\nARG APT_OPTS="-y --no-install-recommends"\nRUN apt-get install $APT_OPTS curl\n' },
    { name: 'options in a variable set outside this file', code: 'FROM python:3.12-slim\nRUN apt-get install $APT_OPTS curl\n' },
    py('RUN apt-get update && apt-get install -y curl'),
    { name: '--yes', code: py('RUN apt-get install --yes curl') },
    { name: '--assume-yes after the packages', code: py('RUN apt-get install curl --assume-yes') },
    { name: 'in a cluster', code: py('RUN apt-get install -qy curl') },
    { name: '-qq implies -y', code: py('RUN apt-get -qq install curl') },
    { name: '-q=2 implies -y', code: py('RUN apt-get -q=2 install curl') },
    { name: '-q -q implies -y', code: py('RUN apt-get -q -q install curl') },
    { name: '-o APT::Get::Assume-Yes=true', code: py('RUN apt-get -o APT::Get::Assume-Yes=true install curl') },
    { name: 'piped from yes', code: py('RUN yes | apt-get install curl') },
    {
      name: 'apt configured earlier in the stage lineage',
      code: df`
        FROM python:3.12-slim AS base
        RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assumeyes
        FROM base
        RUN apt-get install curl
      `,
    },
    { name: 'apt configured with escaped double quotes', code: py('RUN echo "APT::Get::Assume-Yes \\"true\\";" > /etc/apt/apt.conf.d/90assumeyes\nRUN apt-get update && apt-get install curl') },
    { name: 'update and clean do not prompt', code: py('RUN apt-get update && apt-get clean') },
    { name: 'apt-cache', code: py('RUN apt-cache policy curl') },
  ],
  invalid: [
    {
      name: 'a variable that holds no -y',
      code: 'FROM python:3.12-slim\nARG APT_OPTS=--no-install-recommends\nRUN apt-get install $APT_OPTS curl\n',
      errors: [{ messageId: 'missingYes', line: 3, column: 5, endColumn: 20 }],
      output: 'FROM python:3.12-slim\nARG APT_OPTS=--no-install-recommends\nRUN apt-get install -y $APT_OPTS curl\n',
    },
    {
      code: py('RUN apt-get update && apt-get install curl'),
      errors: [{ messageId: 'missingYes', line: 2, column: 23, endColumn: 38 }],
      output: py('RUN apt-get update && apt-get install -y curl'),
      onbuild: true,
    },
    {
      name: 'a single -q is not enough',
      code: py('RUN apt-get -q install curl'),
      errors: 1,
      output: py('RUN apt-get -q install -y curl'),
    },
    {
      name: 'DEBIAN_FRONTEND does not answer the prompt',
      code: py('RUN DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends tzdata'),
      errors: [{ column: 36 }],
      output: py('RUN DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tzdata'),
    },
    {
      name: 'upgrade, remove and purge too',
      code: py('RUN apt-get upgrade && apt-get purge curl && apt-get autoremove'),
      errors: [{ column: 5 }, { column: 24 }, { column: 46 }],
      output: py('RUN apt-get upgrade -y && apt-get purge -y curl && apt-get autoremove -y'),
    },
    {
      name: 'apt install',
      code: py('RUN apt install python3-dev'),
      errors: [{ message: /^`apt install` without `-y`/ }],
      output: py('RUN apt install -y python3-dev'),
    },
    {
      name: 'exec form',
      code: py('RUN ["apt-get", "install", "curl"]'),
      errors: [{ column: 6, endColumn: 26 }],
      output: py('RUN ["apt-get", "install", "-y", "curl"]'),
    },
    {
      name: 'heredoc',
      code: 'FROM python:3.12-slim\nRUN <<EOF\napt-get update\napt-get install curl\nEOF\n',
      errors: [{ line: 4, column: 1, endColumn: 16 }],
      output: 'FROM python:3.12-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
    },
    {
      name: 'a configuration written in an unrelated stage does not count',
      code: df`
        FROM python:3.12-slim AS other
        RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assumeyes
        FROM python:3.12-slim
        RUN apt-get install curl
      `,
      errors: [{ line: 4 }],
      output: 'FROM python:3.12-slim AS other\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90assumeyes\nFROM python:3.12-slim\nRUN apt-get install -y curl\n',
    },
  ],
});

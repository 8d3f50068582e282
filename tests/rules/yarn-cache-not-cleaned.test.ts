import { expect, it } from 'vitest';
import { applyFixes } from '~/engine/fixes';
import { lintWith } from '~/engine/lint';
import rule from '~/rules/yarn-cache-not-cleaned';
import { df, ruleTester } from '../support/rule-tester';

const node = (run: string) => `FROM node:20-bookworm-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    node('RUN yarn install --frozen-lockfile && yarn cache clean'),
    { name: 'yarn cache clean --force on a continuation line', code: node('RUN yarn install --frozen-lockfile --production \\\n    && yarn cache clean --force') },
    { name: 'rm of the cache directory', code: node('RUN yarn install --frozen-lockfile; rm -rf /usr/local/share/.cache/yarn') },
    { name: 'rm of $(yarn cache dir)', code: node('RUN yarn install --frozen-lockfile && rm -rf "$(yarn cache dir)"') },
    { name: 'cache mount on the root cache', code: node('RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile') },
    { name: 'cache mount on a user cache', code: node('RUN --mount=type=cache,target=/home/node/.cache/yarn,uid=1000 yarn install --frozen-lockfile') },
    { name: 'cache mount on YARN_CACHE_FOLDER', code: node('ENV YARN_CACHE_FOLDER=/cache/yarn\nRUN --mount=type=cache,target=/cache/yarn yarn install --frozen-lockfile') },
    { name: 'cache mount on --cache-folder', code: node('RUN --mount=type=cache,target=/tmp/yc yarn install --cache-folder /tmp/yc --frozen-lockfile') },
    { name: 'an inline YARN_CACHE_FOLDER removed afterwards', code: node('RUN YARN_CACHE_FOLDER=/tmp/yc yarn install && rm -rf /tmp/yc') },
    { name: 'yarn commands that install nothing', code: node('RUN yarn build && yarn run test && yarn --version && yarn config set network-timeout 600000') },
    {
      name: 'Yarn 2+ with Plug\'n\'Play: the cache is the install',
      code: node('COPY .yarnrc.yml ./\nCOPY .yarn/releases ./.yarn/releases\nRUN yarn install --immutable'),
    },
    { name: 'yarn set version stable earlier in the same RUN', code: node('RUN yarn set version stable && yarn install') },
    { name: 'yarn workspaces focus (Yarn 2+)', code: node('RUN yarn workspaces focus --all --production') },
    { name: 'corepack switched to Yarn 4', code: node('RUN corepack enable && corepack prepare yarn@4.5.0 --activate\nRUN yarn install') },
    {
      name: 'Yarn 2+ with node-modules and --all',
      code: node('ENV YARN_NODE_LINKER=node-modules\nRUN yarn install --immutable && yarn cache clean --all'),
    },
    {
      name: 'Yarn 2+ with node-modules and a mount on the global cache',
      code: node('RUN --mount=type=cache,target=/root/.yarn/berry/cache YARN_NODE_LINKER=node-modules yarn install --immutable'),
    },
    {
      name: 'a builder stage does not ship',
      code: df`
        FROM node:20-slim AS assets
        WORKDIR /app
        COPY package.json yarn.lock ./
        RUN yarn install --frozen-lockfile
        RUN yarn build
        FROM python:3.12-slim
        COPY --from=assets /app/dist /app/static
      `,
    },
    {
      name: 'the built target decides what ships',
      code: 'FROM node:20-slim AS app\nRUN echo app\nFROM app AS dev\nRUN yarn install\n',
      options: { target: 'app' },
    },
  ],
  invalid: [
    {
      code: node('RUN yarn install --frozen-lockfile'),
      errors: [{ messageId: 'classic', line: 4, column: 5, endColumn: 17, message: /^`yarn install` keeps a copy/ }],
      onbuild: true,
    },
    {
      name: 'bare yarn installs too',
      code: node('RUN yarn --frozen-lockfile --production'),
      errors: [{ column: 5, endColumn: 9, message: /^`yarn` keeps/ }],
    },
    {
      name: 'yarn add and yarn global add',
      code: node('RUN yarn global add pm2 && yarn add left-pad'),
      errors: [{ column: 28, endColumn: 36, message: /^`yarn add`/ }],
    },
    {
      name: 'yarn global add alone',
      code: node('RUN yarn global add pm2'),
      errors: [{ column: 5, endColumn: 20, message: /^`yarn global add`/ }],
    },
    {
      name: 'cleaned in a later RUN is too late',
      code: node('RUN yarn install\nRUN yarn cache clean'),
      errors: [{ line: 4 }],
    },
    {
      name: 'cleaned before the install',
      code: node('RUN yarn cache clean && yarn install'),
      errors: [{ column: 25 }],
    },
    {
      name: 'a cache mount on another tool\'s cache',
      code: node('RUN --mount=type=cache,target=/root/.npm yarn install'),
      errors: 1,
    },
    {
      name: 'a parent stage of the final stage ships',
      code: df`
        FROM node:20-slim AS deps
        RUN yarn install --production
        FROM deps
        CMD ["node", "server.js"]
      `,
      errors: [{ line: 2 }],
    },
    {
      name: 'yarn set version classic stays Yarn 1',
      code: node('RUN yarn set version classic && yarn install'),
      errors: [{ messageId: 'classic' }],
    },
    {
      name: 'Yarn 2+ with the node-modules linker keeps a second copy',
      code: node('ENV YARN_NODE_LINKER=node-modules\nRUN yarn install --immutable'),
      errors: [{ messageId: 'berry', line: 5, message: /`&& yarn cache clean --all`/ }],
    },
    {
      name: 'corepack yarn, exec form, sh -c, heredoc, sudo, lower-case run',
      code: node('RUN corepack yarn install\nRUN ["yarn", "install"]\nRUN sh -c "yarn install"\nrun <<EOF\nsudo -u node yarn install\nEOF'),
      errors: [{ line: 4, column: 5, endColumn: 26, message: /^`corepack yarn install`/ }, { line: 5, column: 6, endColumn: 23 }, { line: 6, column: 12, endColumn: 24 }, { line: 8, column: 14, endColumn: 26 }],
    },
  ],
});

it('suggests appending the clean to a simple chain', () => {
  const code = node('RUN yarn install --frozen-lockfile \\\n    && yarn build');
  const { findings } = lintWith([rule], code);
  expect(applyFixes(code, findings, { unsafe: true }).text).toBe(node('RUN yarn install --frozen-lockfile \\\n    && yarn build \\\n    && yarn cache clean'));
});

import rule from '~/rules/npm-unpinned';
import { ruleTester } from '../support/rule-tester';

const node = (run: string) => `FROM node:22-slim\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    node('RUN npm install -g pyright@1.1.380'),
    { name: 'scoped with a version', code: node('RUN npm install --global @tailwindcss/cli@4.0.0') },
    { name: 'range', code: node('RUN npm i "esbuild@^0.24"') },
    { name: 'lock file install', code: node('RUN npm ci && npm install') },
    { name: 'git with a ref', code: node('RUN npm install git+https://github.com/org/lib.git#v1.2.0') },
    { name: 'GitHub shorthand with a ref', code: node('RUN npm install org/lib#v1.2.0') },
    { name: 'tarball', code: node('RUN npm install vendor/lib-1.0.0.tgz https://example.com/x.tgz') },
    { name: 'folders', code: node('RUN npm install ./packages/ui /opt/lib ../shared .') },
    { name: 'option values', code: node('RUN npm install --prefix /opt/tools --registry https://npm.example.com prettier@3.3.3') },
    { name: 'variables', code: node('RUN npm install -g "$TOOL"') },
    { name: 'npm run', code: node('RUN npm run build') },
  ],
  invalid: [
    {
      code: node('RUN npm install -g pyright'),
      errors: [{ messageId: 'unpinned', line: 2, column: 20, endColumn: 27, message: /^`pyright` is installed without a version/ }],
      onbuild: true,
    },
    { name: 'scoped without a version', code: node('RUN npm i @angular/cli'), errors: [{ message: /`@angular\/cli`/ }] },
    { name: '@latest floats', code: node('RUN npm add typescript@latest'), errors: [{ message: /^`typescript` is installed/ }] },
    { name: 'git without a ref', code: node('RUN npm install git+https://github.com/org/lib.git'), errors: 1 },
    { name: 'GitHub shorthand without a ref', code: node('RUN npm install org/lib'), errors: 1 },
    {
      name: 'several, after options',
      code: node('RUN npm install --no-audit --omit dev left-pad is-odd@3.0.1 chalk'),
      errors: [{ column: 39 }, { column: 61 }],
    },
  ],
});

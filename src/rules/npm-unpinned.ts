import { defineRule } from '~/engine/define-rule';
import type { Word } from '~/engine/shell';

const INSTALL = new Set(['install', 'i', 'add', 'isntall', 'in']);
/** npm options that take the next word as their value. */
const WITH_VALUE = new Set([
  '--prefix', '--registry', '--cache', '--tag', '--userconfig', '--globalconfig', '-w', '--workspace', '--omit',
  '--include', '--install-strategy', '--loglevel', '--save-prefix', '--before', '--location', '--otp', '-C',
]);

/** Whether an npm package spec fixes what gets installed. */
function pinned(spec: string): boolean {
  if (/^(\/|\.\.?\/|~\/|file:|\.$)/.test(spec)) return true;
  if (/\.(tar|tar\.gz|tgz)$/.test(spec) || /^https?:\/\//.test(spec)) return true;
  if (/^(git(\+[a-z]+)?:\/\/|github:|gitlab:|bitbucket:|gist:)/.test(spec) || /^[\w.-]+\/[\w.-]+(#.*)?$/.test(spec)) return spec.includes('#');
  // `name@version`, `@scope/name@version`; `@latest` and `@*` still float.
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  if (at < 0) return false;
  const version = spec.slice(at + 1);
  return version !== '' && version !== 'latest' && version !== '*' && version !== 'x';
}

export default defineRule({
  name: 'npm-unpinned',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require versions for packages named on an `npm install` command line',
    category: 'dependencies',
    scope: 'all-stages',
    sources: ['hadolint:DL3016'],
    messages: {
      unpinned: '`{{pkg}}` is installed without a version, so each build can get a different release. Pin it (`{{pkg}}@<version>`), or list it in `package.json` and install with `npm ci` from the lock file.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const cmd of model.commands(run)) {
          if (cmd.name !== 'npm') continue;
          const args = cmd.args;
          const sub = args.findIndex((a) => !a.value.startsWith('-'));
          if (sub < 0 || !INSTALL.has(args[sub]!.value)) continue;
          const packages: Word[] = [];
          for (let i = sub + 1; i < args.length; i++) {
            const v = args[i]!.value;
            if (v.startsWith('-')) { if (WITH_VALUE.has(v)) i++; continue; }
            packages.push(args[i]!);
          }
          for (const p of packages) {
            if (p.value.includes('$') || pinned(p.value)) continue;
            const name = p.value.replace(/@(latest|\*|x)?$/, '');
            context.report({ messageId: 'unpinned', data: { pkg: name }, range: { start: p.start, end: p.end } });
          }
        }
      },
    };
  },
});

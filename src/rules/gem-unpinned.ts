import { defineRule } from '~/engine/define-rule';

/** gem install options that take the next word as their value. */
const WITH_VALUE = new Set(['-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '-g', '--file', '--build-root', '--document']);

export default defineRule({
  name: 'gem-unpinned',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require versions for gems named on a `gem install` command line',
    category: 'dependencies',
    scope: 'all-stages',
    sources: ['hadolint:DL3028'],
    messages: {
      unpinned: '`{{gem}}` is installed without a version, so each build can get a different release. Pin it (`gem install {{gem}}:<version>` or `-v <version>`), or list it in a `Gemfile` and install with `bundle install` from `Gemfile.lock`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const cmd of model.commands(run)) {
          if (cmd.name !== 'gem') continue;
          const args = cmd.args;
          const sub = args.findIndex((a) => !a.value.startsWith('-'));
          if (sub < 0 || (args[sub]!.value !== 'install' && args[sub]!.value !== 'i')) continue;
          // `-v 1.2`, `--version=1.2` apply to the gem(s) named.
          if (args.some((a) => a.value === '-v' || a.value === '--version' || a.value.startsWith('--version='))) continue;
          for (let i = sub + 1; i < args.length; i++) {
            const a = args[i]!;
            if (a.value === '--') continue;
            if (a.value.startsWith('-')) { if (WITH_VALUE.has(a.value)) i++; continue; }
            if (a.value.includes(':') || a.value.includes('$') || a.value.endsWith('.gem')) continue;
            context.report({ messageId: 'unpinned', data: { gem: a.value }, range: { start: a.start, end: a.end } });
          }
        }
      },
    };
  },
});

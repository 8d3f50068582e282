import { packageCall } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';
import type { TextEdit } from '~/engine/types';

/** apt subcommands and the apt-get command line that does the same. */
const APT_GET: Record<string, string> = {
  install: 'install', update: 'update', remove: 'remove', purge: 'purge', autoremove: 'autoremove',
  upgrade: 'upgrade --with-new-pkgs', 'full-upgrade': 'dist-upgrade', 'dist-upgrade': 'dist-upgrade',
  clean: 'clean', autoclean: 'autoclean', 'build-dep': 'build-dep', source: 'source', download: 'download',
};
/** apt subcommands that only query: `apt-cache` has them. */
const APT_CACHE = new Set(['show', 'search', 'policy', 'depends', 'rdepends', 'showsrc']);

export default defineRule({
  name: 'apt-instead-of-apt-get',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require `apt-get` and `apt-cache` instead of `apt` in scripts',
    category: 'apt',
    scope: 'all-stages',
    fixable: 'unsafe',
    sources: ['hadolint:DL3027', 'checkov:CKV_DOCKER_9'],
    messages: {
      apt: '`apt` is meant for people at a terminal: its command line and output can change between releases, and it warns "apt does not have a stable CLI interface" in scripts. Use `apt-get {{replacement}}`.',
      query: '`apt {{sub}}` is meant for people at a terminal. Use `apt-cache {{sub}}`, which has a stable interface.',
      other: '`apt` is meant for people at a terminal: its command line and output can change between releases. Use `apt-get` or `apt-cache`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const cmd of model.commands(run)) {
          if (cmd.name !== 'apt') continue;
          const call = packageCall(cmd);
          const sub = call?.subcommand?.value ?? '';
          const range = { start: cmd.program.start, end: cmd.program.end };
          // Insert `-get` right after `apt` (also in `/usr/bin/apt` and exec form's `"apt"`).
          const aptEnd = cmd.program.start + cmd.program.raw.lastIndexOf('apt') + 3;
          const replacement = APT_GET[sub];
          if (replacement && call?.subcommand) {
            const edits: TextEdit[] = [{ start: aptEnd, end: aptEnd, text: '-get' }];
            if (replacement !== sub) {
              const s = call.subcommand;
              const quoted = s.raw.startsWith('"');
              const text = quoted ? replacement.split(' ').map((w) => JSON.stringify(w)).join(', ') : replacement;
              edits.push({ start: s.start, end: s.end, text });
            }
            context.report({ messageId: 'apt', data: { replacement }, range, suggestions: [{ title: `Use \`apt-get ${replacement}\``, edits }] });
          } else if (APT_CACHE.has(sub)) {
            context.report({ messageId: 'query', data: { sub }, range });
          } else {
            context.report({ messageId: 'other', range });
          }
        }
      },
    };
  },
});

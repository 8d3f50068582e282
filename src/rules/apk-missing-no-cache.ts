import { packageCall } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';
import { mountCovers } from '~/engine/mounts';
import { hasFlag, type Command } from '~/engine/shell';

const CACHE = /^\/(var\/cache\/apk|etc\/apk\/cache)\/?(\*)?$/;

/** `rm -rf /var/cache/apk/*` or `apk cache clean` after index `from`. */
function cleansLater(cmds: readonly Command[], from: number): boolean {
  return cmds.slice(from + 1).some((c) => (c.name === 'rm' && c.args.some((a) => CACHE.test(a.value)))
    || (c.name === 'apk' && c.args.some((a) => a.value === 'cache') && c.args.some((a) => a.value === 'clean' || a.value === 'purge')));
}

export default defineRule({
  name: 'apk-missing-no-cache',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require `apk add --no-cache` so the package index stays out of the image',
    category: 'size',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3019', 'trivy:DS-0025'],
    messages: {
      add: '`apk add` without `--no-cache` leaves the package index in `/var/cache/apk` in this layer. Add `--no-cache` (it also makes `apk update` unnecessary), or use a cache mount on `/var/cache/apk`.',
      update: '`apk update` writes the package index into `/var/cache/apk`, and this `RUN` leaves it in the layer. Drop it and use `apk add --no-cache`, which fetches a fresh index without storing it.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        if (mountCovers(model.mounts(run), ['/var/cache/apk', '/etc/apk/cache'])) return;
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const call = packageCall(cmd);
          const sub = call?.subcommand;
          if (call?.manager !== 'apk' || !sub || (sub.value !== 'add' && sub.value !== 'update')) return;
          if (hasFlag(call.options, ['--no-cache']) || cleansLater(cmds, i)) return;
          // `apk add --no-network --virtual .rundeps so:libfoo.so`: nothing is fetched, so no index is stored.
          if (hasFlag(call.options, ['--no-network'])) return;
          if (sub.value === 'update') {
            context.report({ messageId: 'update', range: { start: cmd.program.start, end: sub.end } });
            return;
          }
          context.report({
            messageId: 'add',
            range: { start: cmd.program.start, end: sub.end },
            fix: { title: 'Add `--no-cache`', edits: [{ start: sub.end, end: sub.end, text: sub.raw.startsWith('"') ? ', "--no-cache"' : ' --no-cache' }] },
          });
        });
      },
    };
  },
});

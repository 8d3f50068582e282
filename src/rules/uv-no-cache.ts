import { cacheDirs, cacheMountFor, cacheRemovedLater, uvCacheOff } from '~/engine/build-env';
import { uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { mountCovers } from '~/engine/mounts';

export default defineRule({
  name: 'uv-no-cache',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require uv installs to keep their cache out of the image layer',
    category: 'size',
    scope: 'all-stages',
    fixable: 'safe',
    messages: {
      cacheKept: '`uv {{sub}}` keeps uv\'s cache in this layer. Use a cache mount (`RUN --mount=type=cache,target={{dir}}`) or add `--no-cache`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const mounts = model.mounts(run);
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const uv = uvInstall(cmd);
          if (!uv || uvCacheOff(model, stage, run, cmd)) return;
          if (cacheMountFor(model, stage, run, cmd, 'uv', mounts)) return;
          // A tmpfs mount keeps the cache out of the layer too.
          const dir = cacheDirs(model, stage, run, cmd, 'uv')[0]!;
          if (mountCovers(mounts.filter((m) => m.type === 'tmpfs'), [dir])) return;
          if (cacheRemovedLater(cmds, i, dir, 'uv')) return;
          context.report({
            messageId: 'cacheKept',
            data: { sub: cmd.args.slice(0, cmd.args.indexOf(uv.sub) + 1).map((a) => a.value).join(' '), dir },
            range: { start: cmd.program.start, end: uv.sub.end },
            fix: { title: 'Add `--no-cache`', edits: [{ start: uv.sub.end, end: uv.sub.end, text: uv.sub.raw.startsWith('"') ? ', "--no-cache"' : ' --no-cache' }] },
          });
        });
      },
    };
  },
});

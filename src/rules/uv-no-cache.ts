import { cacheDirs, cacheRemovedLater, expandedMounts, mountInOtherHome, nonRootUser, uvCacheOff } from '~/engine/build-env';
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
      cacheKeptUser: '`uv {{sub}}` runs as `{{runAs}}` and keeps uv\'s cache in `{{where}}`, in this layer. Use a cache mount that user can write (`RUN --mount=type=cache,target={{target}},uid={{uid}}`) or add `--no-cache`.',
      otherHome: 'This `RUN` runs as `{{user}}`, so `uv {{sub}}` caches in that user\'s home, not in `{{target}}`: the cache mount catches nothing and the cache stays in this layer. Mount the user\'s cache directory instead (or set `UV_CACHE_DIR` to the mount), or add `--no-cache`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const mounts = expandedMounts(model, stage, run);
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const uv = uvInstall(cmd);
          if (!uv || uvCacheOff(model, stage, run, cmd, cmds)) return;
          // `… install $PIP_ARGS`: a flag in a variable's value (an ARG default, an ENV) counts too.
          if (uv.command.args.some((a) => a.value.includes('$') && /(^|\s)(--no-cache(-dir)?|-n)(=|\s|$)/.test(model.resolveInStage(a.value, stage, run)))) return;
          // A cache or tmpfs mount on the cache directory keeps the cache out of the layer, unless it
          // is on root's home while the RUN runs as another user.
          const dirs = cacheDirs(model, stage, run, cmd, 'uv', cmds);
          const dir = dirs[0]!;
          const mount = mountCovers(mounts.filter((m) => m.type === 'cache' || m.type === 'tmpfs'), dirs);
          const user = mount && mountInOtherHome(model, stage, run, mount, dirs, cmd);
          if (mount && !user) return;
          if (dirs.some((d) => cacheRemovedLater(cmds, i, d, 'uv'))) return;
          const runAs = user ? null : nonRootUser(model, stage, run, cmd, cmds, dir, 'uv');
          context.report({
            messageId: user ? 'otherHome' : runAs ? 'cacheKeptUser' : 'cacheKept',
            data: { sub: uv.command.args.slice(0, uv.command.args.indexOf(uv.sub) + 1).map((a) => a.value).join(' '), dir, user: user ?? '', target: mount?.target ?? '', ...runAs },
            range: { start: uv.command.program.start, end: uv.sub.end },
            fix: { title: 'Add `--no-cache`', edits: [{ start: uv.sub.end, end: uv.sub.end, text: uv.sub.raw.startsWith('"') ? ', "--no-cache"' : ' --no-cache' }] },
          });
        });
      },
    };
  },
});

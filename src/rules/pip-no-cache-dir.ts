import { cacheDirs, cacheRemovedLater, mountInOtherHome, nonRootUser, pipCacheOff } from '~/engine/build-env';
import { pipInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { mountCovers } from '~/engine/mounts';

export default defineRule({
  name: 'pip-no-cache-dir',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require `pip install` to keep its download cache out of the image layer',
    category: 'size',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3042'],
    messages: {
      cacheKept: '`pip install` keeps its cache (downloaded wheels) in `{{dir}}`, in this layer. Use a cache mount on it (`RUN --mount=type=cache,target={{dir}}`) or add `--no-cache-dir`.',
      cacheKeptUser: '`pip install` runs as `{{runAs}}` and keeps its cache (downloaded wheels) in `{{where}}`, in this layer. Use a cache mount that user can write (`RUN --mount=type=cache,target={{target}},uid={{uid}}`) or add `--no-cache-dir`.',
      otherHome: 'This `RUN` runs as `{{user}}`, so pip caches in that user\'s home, not in `{{target}}`: the cache mount catches nothing and the cache stays in this layer. Mount the user\'s cache directory instead (or set `PIP_CACHE_DIR` to the mount), or add `--no-cache-dir`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const mounts = model.mounts(run);
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const call = pipInstall(cmd);
          if (!call || call.tool !== 'pip') return;
          // `--no-cache-dir`, or PIP_NO_CACHE_DIR in front of the command, exported earlier in the RUN, or by ENV or ARG.
          if (pipCacheOff(model, stage, run, cmd, cmds)) return;
          // The cache directory this pip uses (`--cache-dir`, PIP_CACHE_DIR, XDG_CACHE_HOME, ~/.cache/pip):
          // a cache or tmpfs mount on it, or its removal later in the same RUN, keeps it out of the layer.
          const dirs = cacheDirs(model, stage, run, cmd, 'pip', cmds);
          const dir = dirs[0]!;
          const mount = mountCovers(mounts.filter((m) => m.type === 'cache' || m.type === 'tmpfs'), dirs);
          const user = mount && mountInOtherHome(model, stage, run, mount);
          if (mount && !user) return;
          if (dirs.some((d) => cacheRemovedLater(cmds, i, d, 'pip'))) return;
          const sub = call.subcommand!;
          const runAs = user ? null : nonRootUser(model, stage, run, cmd, cmds, dir, 'pip');
          context.report({
            messageId: user ? 'otherHome' : runAs ? 'cacheKeptUser' : 'cacheKept',
            data: { dir, user: user ?? '', target: mount?.target ?? '', ...runAs },
            range: { start: cmd.program.start, end: sub.end },
            fix: {
              title: 'Add `--no-cache-dir`',
              // Exec form (`["pip", "install", …]`) takes a new JSON string.
              edits: [{ start: sub.end, end: sub.end, text: sub.raw.startsWith('"') ? ', "--no-cache-dir"' : ' --no-cache-dir' }],
            },
          });
        });
      },
    };
  },
});

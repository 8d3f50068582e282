import { inlineEnv, truthy, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { mountCovers } from '~/engine/mounts';
import { hasFlag, optionValue } from '~/engine/shell';

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
      cacheKept: '`uv {{sub}}` keeps uv\'s cache in this layer. Use a cache mount (`RUN --mount=type=cache,target=/root/.cache/uv`) or add `--no-cache`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        if (truthy(model.envValue(stage, 'UV_NO_CACHE', run)?.value)) return;
        const cacheDir = model.envValue(stage, 'UV_CACHE_DIR', run)?.value;
        const mounts = model.mounts(run);
        for (const cmd of model.commands(run)) {
          const uv = uvInstall(cmd);
          if (!uv) continue;
          if (hasFlag(cmd.args, ['--no-cache', '-n']) || truthy(inlineEnv(cmd, 'UV_NO_CACHE'))) continue;
          const dir = optionValue(cmd.args, ['--cache-dir'])?.value ?? inlineEnv(cmd, 'UV_CACHE_DIR') ?? cacheDir;
          if (mountCovers(mounts, ['/root/.cache/uv', '/root/.cache', ...(dir ? [dir] : [])])) continue;
          context.report({
            messageId: 'cacheKept',
            data: { sub: context.text.slice(cmd.args[0]!.start, uv.sub.end).replace(/\s+/g, ' ') },
            range: { start: cmd.program.start, end: uv.sub.end },
            fix: { title: 'Add `--no-cache`', edits: [{ start: uv.sub.end, end: uv.sub.end, text: uv.sub.raw.startsWith('"') ? ', "--no-cache"' : ' --no-cache' }] },
          });
        }
      },
    };
  },
});

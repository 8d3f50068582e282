import { pipInstall, inlineEnv } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { mountCovers } from '~/engine/mounts';
import { hasFlag } from '~/engine/shell';

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
      cacheKept: '`pip install` keeps its cache (downloaded wheels) in this layer. Use a cache mount (`RUN --mount=type=cache,target=/root/.cache/pip`) or add `--no-cache-dir`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const mounts = model.mounts(run);
        const cacheDir = model.envValue(stage, 'PIP_CACHE_DIR', run)?.value;
        if (mountCovers(mounts, ['/root/.cache/pip', '/root/.cache', ...(cacheDir ? [cacheDir] : [])])) return;
        // pip reads any value of PIP_NO_CACHE_DIR as "no cache" (even `false`, a known quirk).
        const envOff = model.envValue(stage, 'PIP_NO_CACHE_DIR', run);
        if (envOff && envOff.value !== '') return;
        for (const cmd of model.commands(run)) {
          const call = pipInstall(cmd);
          if (!call || call.tool !== 'pip') continue;
          if (hasFlag(call.command.args, ['--no-cache-dir', '--no-cache'])) continue;
          if (inlineEnv(cmd, 'PIP_NO_CACHE_DIR')) continue;
          const sub = call.subcommand!;
          context.report({
            messageId: 'cacheKept',
            range: { start: cmd.program.start, end: sub.end },
            fix: {
              title: 'Add `--no-cache-dir`',
              // Exec form (`["pip", "install", …]`) takes a new JSON string.
              edits: [{ start: sub.end, end: sub.end, text: sub.raw.startsWith('"') ? ', "--no-cache-dir"' : ' --no-cache-dir' }],
            },
          });
        }
      },
    };
  },
});

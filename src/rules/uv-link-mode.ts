import { inlineEnv, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { mountCovers } from '~/engine/mounts';
import { optionValue } from '~/engine/shell';

export default defineRule({
  name: 'uv-link-mode',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Require `UV_LINK_MODE=copy` when uv installs from a cache mount',
    category: 'cache',
    scope: 'all-stages',
    messages: {
      linkMode: 'uv installs from a cache mount without `UV_LINK_MODE=copy`: it cannot hard-link across the mount and falls back to copying with a warning. Set `ENV UV_LINK_MODE=copy`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const mode = model.envValue(stage, 'UV_LINK_MODE', run)?.value;
        if (mode) return;
        const cacheDir = model.envValue(stage, 'UV_CACHE_DIR', run)?.value;
        const mount = mountCovers(model.mounts(run).filter((m) => m.type === 'cache'), ['/root/.cache/uv', ...(cacheDir ? [cacheDir] : [])]);
        if (!mount) return;
        for (const cmd of model.commands(run)) {
          const uv = uvInstall(cmd);
          if (!uv || optionValue(cmd.args, ['--link-mode']) || inlineEnv(cmd, 'UV_LINK_MODE')) continue;
          context.report({ messageId: 'linkMode', range: { start: cmd.program.start, end: uv.sub.end } });
        }
      },
    };
  },
});

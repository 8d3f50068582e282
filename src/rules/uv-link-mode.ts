import { buildVar, cacheMountFor, expandedMounts, uvCacheOff } from '~/engine/build-env';
import { uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
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
        const mounts = expandedMounts(model, stage, run);
        if (!mounts.some((m) => m.type === 'cache')) return;
        for (const cmd of model.commands(run)) {
          const uv = uvInstall(cmd);
          if (!uv || optionValue(uv.command.args, ['--link-mode']) || buildVar(model, stage, 'UV_LINK_MODE', run, cmd)?.value) continue;
          // Without a cache (`--no-cache`, UV_NO_CACHE) there is nothing to link from.
          if (!cacheMountFor(model, stage, run, cmd, 'uv', mounts) || uvCacheOff(model, stage, run, cmd)) continue;
          context.report({ messageId: 'linkMode', range: { start: uv.command.program.start, end: uv.sub.end } });
        }
      },
    };
  },
});

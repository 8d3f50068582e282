import { inlineEnv, truthy, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { hasFlag } from '~/engine/shell';

export default defineRule({
  name: 'uv-sync-unlocked',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require `uv sync` in an image build to use `--locked` or `--frozen`',
    category: 'reproducibility',
    scope: 'all-stages',
    fixable: 'unsafe',
    messages: {
      unlocked: '`uv sync` without `--locked` or `--frozen` may re-resolve and rewrite `uv.lock` during the build, so the image can contain versions nobody reviewed. Add `--locked` (fail if the lock is stale) or `--frozen` (use it as is).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        if (truthy(model.envValue(stage, 'UV_LOCKED', run)?.value) || truthy(model.envValue(stage, 'UV_FROZEN', run)?.value)) return;
        for (const c of model.commands(run)) {
          const uv = uvInstall(c);
          if (!uv || uv.sub.value !== 'sync' || c.args[0]?.value === 'pip') continue;
          if (hasFlag(c.args, ['--locked', '--frozen']) || truthy(inlineEnv(c, 'UV_LOCKED')) || truthy(inlineEnv(c, 'UV_FROZEN'))) continue;
          context.report({
            messageId: 'unlocked',
            range: { start: c.program.start, end: uv.sub.end },
            suggestions: [{ title: 'Add `--locked`', edits: [{ start: uv.sub.end, end: uv.sub.end, text: uv.sub.raw.startsWith('"') ? ', "--locked"' : ' --locked' }] }],
          });
        }
      },
    };
  },
});

import { buildVar, isOn } from '~/engine/build-env';
import { uvInstall } from '~/engine/commands';
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
        for (const c of model.commands(run)) {
          const uv = uvInstall(c);
          if (!uv || uv.sub.value !== 'sync' || c.args[c.args.indexOf(uv.sub) - 1]?.value === 'pip') continue;
          // `conda run -n env uv sync`: the uv command the runner starts.
          const { args } = uv.command;
          if (hasFlag(args, ['--locked', '--frozen'])) continue;
          // `uv sync $UV_SYNC_ARGS`: the options as the shell splits the variables' values; a value
          // that is not known (a `--build-arg` without a default) may hold the flag.
          const dynamic = args.filter((a) => a.value.includes('$')).map((a) => model.resolveInStage(a.value, stage, run));
          if (dynamic.some((v) => v.includes('$') || /(^|\s)--(locked|frozen)(=|\s|$)/.test(v))) continue;
          if (isOn(buildVar(model, stage, 'UV_LOCKED', run, c)) || isOn(buildVar(model, stage, 'UV_FROZEN', run, c))) continue;
          context.report({
            messageId: 'unlocked',
            range: { start: uv.command.program.start, end: uv.sub.end },
            suggestions: [{ title: 'Add `--locked`', edits: [{ start: uv.sub.end, end: uv.sub.end, text: uv.sub.raw.startsWith('"') ? ', "--locked"' : ' --locked' }] }],
          });
        }
      },
    };
  },
});

import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'cache-mount-relative-target',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Require `RUN --mount` targets to be absolute paths',
    category: 'cache',
    scope: 'all-stages',
    messages: {
      relative: 'The mount target `{{target}}` is a relative path: it is mounted under the working directory, where no tool looks for it. Use an absolute path such as `/var/lib/apt`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const m of model.mounts(run)) {
          const target = m.target;
          if (!target || target.startsWith('/') || target.startsWith('$') || !m.targetRange) continue;
          context.report({ messageId: 'relative', data: { target }, range: m.targetRange });
        }
      },
    };
  },
});

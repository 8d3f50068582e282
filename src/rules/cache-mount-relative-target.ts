import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'cache-mount-relative-target',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Require cache mount targets to be absolute paths',
    category: 'cache',
    scope: 'all-stages',
    messages: {
      relative: 'The cache mount target `{{target}}` is a relative path: it is mounted under the working directory, where no tool looks for its cache. Use the absolute path of the cache, such as `/var/lib/apt`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const m of model.mounts(run)) {
          const target = m.target;
          // Bind mounts resolve a relative target against WORKDIR on purpose (uv's `target=uv.lock`).
          if (m.type !== 'cache' && m.type !== 'tmpfs') continue;
          if (!target || target.startsWith('/') || target.startsWith('$') || !m.targetRange) continue;
          context.report({ messageId: 'relative', data: { target }, range: m.targetRange });
        }
      },
    };
  },
});

import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'cache-mount-relative-target',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Require cache mount targets to be absolute paths',
    category: 'cache',
    scope: 'all-stages',
    fixable: 'unsafe',
    messages: {
      relative: 'The cache mount target `{{target}}` is a relative path: it is mounted under the working directory, where no tool looks for its cache. Use the absolute path of the cache, such as `/root/.cache/pip`, `/root/.cache/uv` or `/var/lib/apt`.',
      tilde: 'The cache mount target `{{target}}` starts with `~`, which BuildKit does not expand: the cache is mounted in a directory literally named `~` under the working directory. Write the home directory out, such as `{{absolute}}`.',
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
          const range = model.offsets(m.targetRange);
          if (/^~(\/|$)/.test(target)) {
            const absolute = `/root${target.slice(1)}`;
            context.report({
              messageId: 'tilde',
              data: { target, absolute },
              range,
              suggestions: context.text[range.start] === '~'
                ? [{ title: `Use \`${absolute}\` (root's home)`, edits: [{ start: range.start, end: range.start + 1, text: '/root' }] }]
                : [],
            });
            continue;
          }
          context.report({ messageId: 'relative', data: { target }, range });
        }
      },
    };
  },
});

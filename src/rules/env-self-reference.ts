import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'env-self-reference',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow referring, in an `ENV`, to a variable defined earlier in the same `ENV`',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['hadolint:DL3044'],
    messages: {
      self: '`${{name}}` refers to `{{name}}` defined earlier in this same `ENV`: all values are expanded before any is set, so it takes the old value (or nothing). Split it into two `ENV` instructions.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      ENV(env) {
        const seen = new Set<string>();
        for (const p of env.getProperties()) {
          const vr = p.getValueRange();
          if (vr) {
            const { start, end } = model.offsets(vr);
            const raw = model.text.slice(start, end);
            for (const m of raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
              const name = m[1]!;
              if (!seen.has(name) || name === p.getName()) continue;
              context.report({ messageId: 'self', data: { name }, range: { start: start + m.index, end: start + m.index + m[0].length + (m[0].startsWith('${') ? 1 : 0) } });
            }
          }
          seen.add(p.getName());
        }
      },
    };
  },
});

import { defineRule } from '~/engine/define-rule';
import { variableUses } from '~/engine/variables';

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
            // The uses BuildKit expands: not inside single quotes, not after the escape character.
            for (const use of variableUses(model.text, start, end, model.escapeChar, true)) {
              if (!seen.has(use.name) || use.name === p.getName()) continue;
              context.report({ messageId: 'self', data: { name: use.name }, range: { start: use.start, end: use.end } });
            }
          }
          seen.add(p.getName());
        }
      },
    };
  },
});

import { defineRule } from '~/engine/define-rule';

const SELF = /\$\{?PYTHONPATH(?::?[-+][^}]*)?\}?/;

export default defineRule({
  name: 'pythonpath-trailing-colon',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow an empty entry in `PYTHONPATH`, which puts the working directory on `sys.path`',
    category: 'correctness',
    scope: 'all-stages',
    fixable: 'safe',
    messages: {
      unset: '`$PYTHONPATH` is empty here (it was never set), so this value ends in an empty entry, which Python reads as the current directory: whatever is in the working directory shadows installed packages. Drop the reference to `$PYTHONPATH`.',
      emptyEntry: '`PYTHONPATH` has an empty entry (a leading, trailing or doubled `:`), which Python reads as the current directory. Remove it.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      ENV(env, stage) {
        for (const p of env.getProperties()) {
          if (p.getName() !== 'PYTHONPATH') continue;
          const value = p.getValue() ?? '';
          const valueRange = p.getValueRange();
          if (!valueRange) continue;
          const { start, end } = model.offsets(valueRange);
          const raw = context.text.slice(start, end);
          const ref = SELF.exec(value);
          if (ref) {
            const before = model.envValue(stage, 'PYTHONPATH', env);
            if (before && before.value !== '') continue;
            if (/\$\{PYTHONPATH:[-+]/.test(value)) continue;
            // The fix removes `:$PYTHONPATH` (or `$PYTHONPATH:`) as written.
            const m = /:\$\{?PYTHONPATH\}?|\$\{?PYTHONPATH\}?:/.exec(raw);
            context.report({
              messageId: 'unset',
              range: { start, end },
              ...(m ? { fix: { title: 'Remove the reference to the unset `$PYTHONPATH`', edits: [{ start: start + m.index, end: start + m.index + m[0].length, text: '' }] } } : {}),
            });
            continue;
          }
          if (value && (/^:|:$|::/.test(value))) context.report({ messageId: 'emptyEntry', range: { start, end } });
        }
      },
    };
  },
});

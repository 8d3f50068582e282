import type { Env } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'legacy-key-value-format',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require `ENV`, `ARG` and `LABEL` to use the `key=value` form',
    category: 'style',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['buildkit:LegacyKeyValueFormat'],
    messages: {
      legacy: '`{{keyword}} {{name}} …` uses the legacy space-separated form, which allows one variable per line and whose value is everything after the first space. Write `{{keyword}} {{name}}={{value}}`.',
    },
  },
  create(context) {
    const { model } = context;
    const check = (instr: Env) => {
      for (const p of instr.getProperties()) {
        if (p.getAssignmentOperator() !== null || p.getValue() === null) continue;
        const vr = p.getValueRange();
        if (!vr) continue;
        const name = p.getName();
        const nameRange = model.offsets(p.getNameRange());
        const valueRange = model.offsets(vr);
        const raw = model.text.slice(valueRange.start, valueRange.end);
        const value = p.getValue() ?? '';
        const quoted = /^["'].*["']$/s.test(raw) || !/[\s"'\\$]/.test(value) ? raw : JSON.stringify(value);
        context.report({
          messageId: 'legacy',
          data: { keyword: instr.getKeyword(), name, value: quoted.length > 40 ? '…' : quoted },
          range: { start: nameRange.start, end: valueRange.end },
          ...(raw.includes('\n') ? {} : { fix: { title: 'Use `key=value`', edits: [{ start: nameRange.start, end: valueRange.end, text: `${name}=${quoted}` }] } }),
        });
      }
    };
    return { ENV: check, LABEL: check as never };
  },
});

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
        // Docker runs the value through the same word processing in both forms (quotes removed, `$X`
        // expanded); only the split differs: the legacy value is the rest of the line, a `key=value`
        // value ends at the first unquoted blank. So the text is kept as written when it has no unquoted
        // blank (`ls:exit:"cd .."` stays `ls:exit:"cd .."`, which Docker reads as `ls:exit:cd ..`), and
        // wrapped in double quotes when it has blanks but no quote or escape to be changed by that.
        const esc = model.escapeChar;
        const quoted = !hasUnquotedBlank(raw, esc) ? raw : !/["']/.test(raw) && !raw.includes(esc) ? `"${raw}"` : null;
        context.report({
          messageId: 'legacy',
          data: { keyword: instr.getKeyword(), name, value: quoted === null || quoted.length > 40 ? '…' : quoted },
          range: { start: nameRange.start, end: valueRange.end },
          ...(raw.includes('\n') || quoted === null ? {} : { fix: { title: 'Use `key=value`', edits: [{ start: nameRange.start, end: valueRange.end, text: `${name}=${quoted}` }] } }),
        });
      }
    };
    return { ENV: check, LABEL: check as never };
  },
});

/** Whether `text` has a blank outside quotes and not escaped: where a `key=value` word would end. */
function hasUnquotedBlank(text: string, esc: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") { if (c === "'") quote = null; continue; }
    if (c === esc) { i++; continue; }
    if (quote === '"') { if (c === '"') quote = null; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (/\s/.test(c)) return true;
  }
  return false;
}

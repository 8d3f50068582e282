import type { JSONInstruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';

const SHELLS = /^(\/usr)?(\/bin\/)?(ba|da|z|a|k)?sh$/;

export default defineRule({
  name: 'exec-form-variable',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow `$VARIABLES` in exec-form `CMD` and `ENTRYPOINT`, where no shell expands them',
    category: 'runtime',
    scope: 'all-stages',
    fixable: 'unsafe',
    messages: {
      literal: '`{{variable}}` is passed literally: exec form runs no shell, so nothing expands it. Use `["sh", "-c", "exec …"]` or resolve the value another way.',
    },
  },
  create(context) {
    const { model } = context;
    const check = (instr: JSONInstruction, _stage: Stage) => {
      const strings = instr.getJSONStrings();
      if (!strings.length || !/^\s*\[/.test(instr.getArgumentsContent() ?? '')) return;
      const first = strings[0]!.getJSONValue();
      if (SHELLS.test(first) && strings.some((s) => /^-[a-z]*c[a-z]*$/.test(s.getJSONValue()))) return;
      for (const s of strings) {
        const { start } = model.offsets(s.getRange());
        const raw = context.text.slice(start, model.offsets(s.getRange()).end);
        // No shell and no Dockerfile expansion runs on an exec-form string, so quotes are literal here
        // and every `$NAME` in the raw JSON text is passed on as written (unlike undefined-var's scan).
        for (const m of raw.matchAll(/\$(\{[A-Za-z_][A-Za-z0-9_]*[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/g)) {
          if (m.index > 0 && raw[m.index - 1] === '\\') continue;
          const words = strings.map((x) => x.getJSONValue());
          const script = `exec ${words.map((w) => (/[\s"'\\]/.test(w) ? `'${w.replace(/'/g, `'\\''`)}'` : w)).join(' ')}`;
          const r = model.offsets(instr.getArgumentsRange()!);
          context.report({
            messageId: 'literal',
            data: { variable: m[0] },
            range: { start: start + m.index, end: start + m.index + m[0].length },
            suggestions: [{ title: 'Run through `sh -c` so the variable expands', edits: [{ start: r.start, end: r.end, text: JSON.stringify(['sh', '-c', script]).replace(/","/g, '", "') }] }],
          });
        }
      }
    };
    return { CMD: check, ENTRYPOINT: check };
  },
});

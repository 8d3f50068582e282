import type { JSONInstruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';
import { isExecForm, runtimeInstructions } from '~/engine/runtime';
import { unwrap } from '~/engine/shell';

/** A shell, by name or at any path: `sh`, `/bin/bash`, `/usr/local/bin/bash`. */
const isShell = (program: string) => /^(ba|da|z|a|k)?sh$/.test(program.slice(program.lastIndexOf('/') + 1));

export default defineRule({
  name: 'exec-form-variable',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow `$VARIABLES` in exec-form `CMD`, `ENTRYPOINT` and `RUN`, where no shell expands them',
    category: 'runtime',
    scope: 'all-stages',
    fixable: 'unsafe',
    messages: {
      literal: '`{{variable}}` is passed literally: exec form runs no shell, so nothing expands it. Use `["sh", "-c", "exec …"]` or resolve the value another way.',
      literalRun: '`{{variable}}` is passed literally: an exec-form `RUN` runs no shell, so nothing expands it. Use the shell form (`RUN command …`), which runs through `/bin/sh -c`.',
    },
  },
  create(context) {
    const { model } = context;
    /** Whether the exec-form words run a shell with `-c` (through wrappers such as `tini --`); `last`: with `-c` as the last word. */
    const runsShell = (values: string[], last = false) => {
      const program = unwrap(values.map((value) => ({ value, raw: value, start: 0, end: 0 }))).program;
      const c = values.findIndex((v, k) => k > program && /^-[a-z]*c[a-z]*$/.test(v));
      return isShell(values[program] ?? '') && c > program && (!last || c === values.length - 1);
    };
    const check = (instr: JSONInstruction, stage: Stage) => {
      const strings = instr.getJSONStrings();
      const content = instr.getArgumentsContent() ?? '';
      if (!strings.length || !content.includes('$') || !/^\s*\[/.test(content)) return;
      // `["sh", "-c", "…"]`, `["tini", "--", "sh", "-c", "…"]`: a shell expands the script.
      if (runsShell(strings.map((s) => s.getJSONValue()))) return;
      // `ENTRYPOINT ["/bin/sh", "-c"]` makes the CMD's first string the shell's script.
      if (instr.getKeyword() === 'CMD') {
        const { entrypoint } = runtimeInstructions(model, stage);
        if (entrypoint && isExecForm(entrypoint) && runsShell((entrypoint as JSONInstruction).getJSONStrings().map((s) => s.getJSONValue()), true)) return;
      }
      const isRun = instr.getKeyword() === 'RUN';
      // dockerfile-ast's getJSONValue() drops the spaces inside a string: decode the raw text.
      const words = strings.map((x) => {
        const { start, end } = model.offsets(x.getRange());
        try { return JSON.parse(context.text.slice(start, end).replace(/\\\r?\n/g, '')) as string; } catch { return x.getJSONValue(); }
      });
      // Quoted for sh: double quotes where needed, so that the variables do expand.
      const command = words.map((w) => (/^[\w@%+=:,./${}-]+$/.test(w) ? w : `"${w.replace(/["\\`]/g, '\\$&')}"`)).join(' ');
      for (const s of strings) {
        const { start } = model.offsets(s.getRange());
        const raw = context.text.slice(start, model.offsets(s.getRange()).end);
        // No shell and no Dockerfile expansion runs on an exec-form string, so quotes are literal here
        // and every `$NAME` in the raw JSON text is passed on as written (unlike undefined-var's scan).
        for (const m of raw.matchAll(/\$(\{[A-Za-z_][A-Za-z0-9_]*[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/g)) {
          if (m.index > 0 && raw[m.index - 1] === '\\') continue;
          const r = model.offsets(instr.getArgumentsRange()!);
          context.report({
            messageId: isRun ? 'literalRun' : 'literal',
            data: { variable: m[0] },
            range: { start: start + m.index, end: start + m.index + m[0].length },
            suggestions: [isRun
              ? { title: 'Use the shell form so the variable expands', edits: [{ start: r.start, end: r.end, text: command }] }
              : { title: 'Run through `sh -c` so the variable expands', edits: [{ start: r.start, end: r.end, text: JSON.stringify(['sh', '-c', `exec ${command}`]).replace(/","/g, '", "') }] }],
          });
        }
      }
    };
    // `RUN ["pip", "install", "flask==$VERSION"]`: exec-form RUN runs no shell either.
    return { CMD: check, ENTRYPOINT: check, RUN: check };
  },
});

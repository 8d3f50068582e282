import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';
import { runtimeInstructions } from '~/engine/runtime';
import { unwrap } from '~/engine/shell';

/** A shell, by name or at any path: `sh`, `/bin/bash`, `/usr/local/bin/bash`. */
const isShell = (program: string) => /^(ba|da|z|a|k)?sh$/.test(program.slice(program.lastIndexOf('/') + 1));

export default defineRule({
  name: 'exec-form-variable',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow `$VARIABLES` in exec-form `CMD`, `ENTRYPOINT`, `RUN` and `HEALTHCHECK`, where no shell expands them',
    category: 'runtime',
    scope: 'all-stages',
    fixable: 'unsafe',
    messages: {
      literal: '`{{variable}}` is passed literally: exec form runs no shell, so nothing expands it. Use `["sh", "-c", "exec …"]` or resolve the value another way.',
      literalRun: '`{{variable}}` is passed literally: an exec-form `RUN` runs no shell, so nothing expands it. Use the shell form (`RUN command …`), which runs through `/bin/sh -c`.',
      literalHealthcheck: '`{{variable}}` is passed literally: an exec-form `HEALTHCHECK CMD` runs no shell, so nothing expands it and the check probes the wrong thing (or always fails). Use the shell form (`HEALTHCHECK CMD command …`), which runs through `/bin/sh -c`.',
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
    /**
     * Where a shell that runs a `-c` script starts among the words, also behind a runner
     * (`["micromamba", "run", "-n", "base", "sh", "-c", "…"]`, `["uv", "run", "bash", "-c", "…"]`):
     * the shell expands the words from there on, but not the runner's own words before it. -1 for none.
     */
    const shellAt = (values: string[]) => {
      for (let k = 0; k < values.length; k++) {
        // `["su", "app", "-c", "gunicorn -b :$PORT app:app"]`: su hands the command to the user's shell.
        if (/(^|\/)su$/.test(values[k]!) && values.slice(k + 1).some((v) => /^-[a-z]*c$|^--command(=|$)/.test(v))) return k;
        if (!isShell(values[k]!)) continue;
        for (let j = k + 1; j < values.length && values[j]!.startsWith('-'); j++) {
          if (/^-[a-z]*c[a-z]*$/.test(values[j]!)) return k;
          if (values[j] === '-o' || values[j] === '+o') j++;
        }
      }
      return -1;
    };
    const check = (instr: Instruction, stage: Stage) => {
      const all = model.execWords(instr);
      if (!all || !all.some((w) => w.raw.includes('$'))) return;
      // `["sh", "-c", "…"]`, `["tini", "--", "sh", "-c", "…"]`: a shell expands the script.
      if (runsShell(all.map((w) => w.value))) return;
      const shell = shellAt(all.map((w) => w.value));
      // Only the words before a shell further on are passed literally (`["conda", "run", "-n", "$ENV", "sh", "-c", "…"]`).
      const words = shell >= 0 ? all.slice(0, shell) : all;
      if (!words.some((w) => w.raw.includes('$'))) return;
      // `ENTRYPOINT ["/bin/sh", "-c"]` makes the CMD's first string the shell's script.
      const keyword = instr.getKeyword();
      if (keyword === 'CMD') {
        const { entrypoint } = runtimeInstructions(model, stage);
        const entry = entrypoint && model.execWords(entrypoint);
        if (entry && runsShell(entry.map((w) => w.value), true)) return;
      }
      // Quoted for sh: double quotes where needed, so that the variables do expand.
      const command = words.map(({ value: w }) => (/^[\w@%+=:,./${}-]+$/.test(w) ? w : `"${w.replace(/["\\`]/g, '\\$&')}"`)).join(' ');
      const r = { start: words[0]!.start, end: words[words.length - 1]!.end };
      // The array's brackets belong to the replaced text.
      const open = context.text.lastIndexOf('[', r.start);
      const close = context.text.indexOf(']', r.end);
      const array = { start: open >= 0 ? open : r.start, end: close >= 0 ? close + 1 : r.end };
      for (const w of words) {
        // No shell and no Dockerfile expansion runs on an exec-form string, so quotes are literal here
        // and every `$NAME` in the raw JSON text is passed on as written (unlike undefined-var's scan).
        for (const m of w.raw.matchAll(/\$(\{[A-Za-z_][A-Za-z0-9_]*[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/g)) {
          // `\$HOME` is escaped; `pa$$word` is a literal `$$` (the shell's PID in a script), not a variable.
          if (m.index > 0 && (w.raw[m.index - 1] === '\\' || w.raw[m.index - 1] === '$')) continue;
          const shellForm = keyword === 'RUN' || keyword === 'HEALTHCHECK';
          context.report({
            messageId: keyword === 'RUN' ? 'literalRun' : keyword === 'HEALTHCHECK' ? 'literalHealthcheck' : 'literal',
            data: { variable: m[0] },
            range: { start: w.start + m.index, end: w.start + m.index + m[0].length },
            suggestions: shell >= 0 ? [] : [shellForm
              ? { title: 'Use the shell form so the variable expands', edits: [{ start: array.start, end: array.end, text: command }] }
              : { title: 'Run through `sh -c` so the variable expands', edits: [{ start: array.start, end: array.end, text: JSON.stringify(['sh', '-c', `exec ${command}`]).replace(/","/g, '", "') }] }],
          });
        }
      }
    };
    // `RUN ["pip", "install", "flask==$VERSION"]` and `HEALTHCHECK CMD ["curl", "http://localhost:$PORT/"]`: no shell either.
    return { CMD: check, ENTRYPOINT: check, RUN: check, HEALTHCHECK: check };
  },
});

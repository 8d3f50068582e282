import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';

export default defineRule({
  name: 'pipefail-missing',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require `set -o pipefail` (through `SHELL`) before a `RUN` that pipes one command into another',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['hadolint:DL4006', 'trivy:DS-0032'],
    messages: {
      pipe: 'The exit status of this pipeline is the last command\'s only: if `{{first}}` fails, the build goes on. Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before it (or `set -o pipefail &&` in the `RUN`).',
    },
  },
  create(context) {
    const { model } = context;
    /** Whether a SHELL with pipefail (or a non-POSIX shell) is in effect for the stage before `line`. */
    const shellHasPipefail = (stage: Stage, runLine: number): boolean => {
      let result = false;
      for (const s of [...model.lineage(stage)].reverse()) {
        for (const i of s.instructions) {
          if (s === stage && i.getRange().start.line >= runLine) break;
          if (i.getKeyword() !== 'SHELL') continue;
          const text = i.getArgumentsContent() ?? '';
          result = /pipefail/.test(text) || /pwsh|powershell|cmd(\.exe)?"/i.test(text);
        }
      }
      return result;
    };
    return {
      RUN(run, stage) {
        if (/^\s*\[/.test(run.getArgumentsContent() ?? '')) return;
        const cmds = model.commands(run);
        if (cmds.some((c) => c.name === 'set' && c.args.some((a, i) => (a.value === '-o' && c.args[i + 1]?.value === 'pipefail') || /^-[a-z]*o$/.test(a.value) && c.args[i + 1]?.value === 'pipefail'))) return;
        const piped = cmds.find((c) => c.joinedBy === '|');
        if (!piped) return;
        if (shellHasPipefail(stage, run.getRange().start.line)) return;
        const first = cmds[cmds.indexOf(piped) - 1] ?? piped;
        context.report({ messageId: 'pipe', data: { first: first.name }, range: { start: first.start, end: piped.end } });
      },
    };
  },
});

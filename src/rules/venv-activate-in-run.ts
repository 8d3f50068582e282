import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import type { Command } from '~/engine/shell';

/** `. venv/bin/activate`, `source /opt/venv/bin/activate`: the script word, or null. */
function activation(c: Command) {
  if (c.name !== '.' && c.name !== 'source') return null;
  const script = c.args[0];
  return script && /(^|\/)activate$/.test(script.value) ? script : null;
}

export default defineRule({
  name: 'venv-activate-in-run',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow activating a virtualenv as the last command of a `RUN`, where the activation is lost',
    category: 'correctness',
    scope: 'all-stages',
    messages: {
      lost: 'Sourcing `{{script}}` only changes this `RUN`\'s shell, which exits right after: the next instruction does not see the virtualenv. Set `ENV PATH="{{bin}}:$PATH"` instead.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const cmds = model.commands(run);
        let i = cmds.length - 1;
        // Commands that run only when the activation fails (`… || true`) do not use it.
        while (i > 0 && cmds[i]!.joinedBy === '||') i--;
        const last = cmds[i];
        const script = last && activation(last);
        if (!last || !script) return;
        let bin = script.value.replace(/\/activate$/, '');
        if (!bin.startsWith('/')) {
          const workdir = model.resolveInStage(lastWorkdir(model, stage, run) ?? '', stage, run);
          bin = workdir.startsWith('/') && !workdir.includes('$') ? `${workdir.replace(/\/+$/, '')}/${bin.replace(/^\.\//, '')}` : `/path/to/${bin.replace(/^\.\//, '')}`;
        }
        context.report({ messageId: 'lost', data: { script: script.value, bin }, range: { start: last.program.start, end: script.end } });
      },
    };
  },
});

/** The argument of the last `WORKDIR` before `run` in the stage or its parents. */
function lastWorkdir(model: DockerfileModel, stage: Stage, run: Instruction): string | null {
  for (const s of model.lineage(stage)) {
    for (let k = s.instructions.length - 1; k >= 0; k--) {
      const instr = s.instructions[k]!;
      if (s === stage && !model.isBefore(instr, run)) continue;
      if (instr.getKeyword() === 'WORKDIR') return instr.getArgumentsContent();
    }
  }
  return null;
}

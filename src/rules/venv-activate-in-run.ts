import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import type { Command, Word } from '~/engine/shell';

type Activation =
  | { kind: 'venv'; script: Word; end: number }
  /** `source activate myenv`, `conda activate myenv`: `env` is the environment's name or path. */
  | { kind: 'conda'; env: string; end: number };

/**
 * `. venv/bin/activate`, `source /opt/venv/bin/activate`: a virtualenv's script. `source activate
 * myenv` (a bare `activate`, which the shell looks up on PATH: conda's) and `conda activate myenv`
 * (also mamba, micromamba): a conda environment. Null for anything else.
 */
function activation(c: Command): Activation | null {
  if (/^(conda|mamba|micromamba)$/.test(c.name)) {
    const sub = c.args[0];
    if (sub?.value !== 'activate') return null;
    const env = c.args.slice(1).find((a) => !a.value.startsWith('-'));
    return { kind: 'conda', env: env?.value ?? 'base', end: (env ?? sub).end };
  }
  if (c.name !== '.' && c.name !== 'source') return null;
  const script = c.args[0];
  if (!script || !/(^|\/)activate$/.test(script.value)) return null;
  if (script.value === 'activate') {
    const env = c.args[1];
    return { kind: 'conda', env: env?.value ?? 'base', end: (env ?? script).end };
  }
  return { kind: 'venv', script, end: script.end };
}

/** Whether the USER in effect is root: none set, `root`, or uid 0 (with any group). */
function isRoot(user: string | null): boolean {
  if (user === null) return true;
  const name = user.split(':')[0]!.trim();
  return name === '' || name === 'root' || name === '0';
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
      lostHome: 'Sourcing `{{script}}` only changes this `RUN`\'s shell, which exits right after: the next instruction does not see the virtualenv. Put the virtualenv\'s `bin` directory first on `PATH` with `ENV PATH="…/bin:$PATH"` instead, writing out the home directory of the user in effect (`ENV` does not expand `~` or `$HOME`).',
      childShell: '`{{command}}` runs the activation script in a child shell, which exits at once: the commands after it (and the next instructions) do not see the virtualenv. Source it instead (`. {{script}} && …`), or set `ENV PATH="{{bin}}:$PATH"`.',
      conda: '`{{command}}` activates the conda environment `{{env}}` only in this `RUN`\'s shell, which exits right after: the next instruction does not see it. Run commands in the environment with `conda run {{flag}} {{env}} …`, or put the environment\'s `bin` directory first on `PATH` with {{envPath}}.',
    },
  },
  create(context) {
    const { model } = context;
    /**
     * The `bin` directory to put on `PATH` for an activation script: resolved against ARG/ENV and
     * WORKDIR; null for `~` of a user whose home is not known here.
     */
    function venvBin(script: string, stage: Stage, run: Instruction): string | null {
      let bin = script.replace(/\/activate$/, '');
      // `$HOME/venv`: HOME is set by the shell, not by ARG/ENV, so `ENV PATH` would not expand it: read it as `~`.
      if (/^(\$HOME|\$\{HOME\})(\/|$)/.test(bin)) {
        const resolved = model.resolveInStage(bin, stage, run);
        bin = resolved.startsWith('$') ? bin.replace(/^(\$HOME|\$\{HOME\})/, '~') : resolved;
      }
      if (bin.startsWith('~')) {
        // `~` is the home of the user the RUN runs as: root's is `/root`; another user's is not known here.
        if (!/^~(\/|$)/.test(bin) || !isRoot(model.userBefore(stage, run))) return null;
        bin = `/root${bin.slice(1)}`;
      } else if (bin.startsWith('$')) {
        // `$VIRTUAL_ENV/bin`: the value when ARG/ENV set it, else the variable as written (ENV expands it too).
        const resolved = model.resolveInStage(bin, stage, run);
        if (!resolved.startsWith('$')) bin = resolved;
        if (bin.startsWith('$')) return bin;
      }
      if (!bin.startsWith('/')) {
        const workdir = model.resolveInStage(lastWorkdir(model, stage, run) ?? '', stage, run);
        bin = workdir.startsWith('/') && !workdir.includes('$') ? `${workdir.replace(/\/+$/, '')}/${bin.replace(/^\.\//, '')}` : `/path/to/${bin.replace(/^\.\//, '')}`;
      }
      return bin;
    }

    return {
      RUN(run, stage) {
        const cmds = model.commands(run);
        // `bash /venv/bin/activate && pip install …`: the script runs in a child shell and activates nothing, wherever it stands.
        const child = cmds.find((c) => /^(ba|da|z|k)?sh$/.test(c.name) && !c.args.some((a) => a.value === '-c')
          && /(^|\/)bin\/activate$/.test(c.args.find((a) => !a.value.startsWith('-'))?.value ?? ''));
        if (child) {
          const script = child.args.find((a) => !a.value.startsWith('-'))!;
          const bin = venvBin(script.value, stage, run);
          context.report({
            messageId: 'childShell',
            data: { command: context.text.slice(child.program.start, script.end), script: script.value, bin: bin ?? `${script.value.replace(/\/activate$/, '')}` },
            range: { start: child.program.start, end: script.end },
          });
          return;
        }
        let i = cmds.length - 1;
        // Commands that run only when the activation fails (`… || true`) do not use it.
        while (i > 0 && cmds[i]!.joinedBy === '||') i--;
        const last = cmds[i];
        const found = last && activation(last);
        if (!last || !found) return;
        const range = { start: last.program.start, end: found.end };
        if (found.kind === 'conda') {
          const path = found.env.includes('/');
          const bin = path ? `${found.env.replace(/\/+$/, '')}/bin` : found.env === 'base' ? '/opt/conda/bin' : `/opt/conda/envs/${found.env}/bin`;
          const envPath = `\`ENV PATH="${bin}:$PATH"\`${path ? '' : ' (for conda installed in `/opt/conda`, as in the official images)'}`;
          const command = context.text.slice(last.program.start, found.end);
          context.report({ messageId: 'conda', data: { command, env: found.env, flag: path ? '-p' : '-n', envPath }, range });
          return;
        }
        const script = found.script.value;
        const bin = venvBin(script, stage, run);
        if (bin === null) context.report({ messageId: 'lostHome', data: { script }, range });
        else context.report({ messageId: 'lost', data: { script, bin }, range });
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

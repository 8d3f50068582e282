import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';
import { normalizePath } from '~/engine/mounts';
import type { Command } from '~/engine/shell';
import { joinPath, workdirAt } from '~/engine/workdir';

/** Official images that set no WORKDIR: a `RUN` on them starts in `/`. */
const NO_WORKDIR = /^(python|pypy|debian|ubuntu|alpine)$/;

/** Directories meant to be thrown away: changing into them needs no WORKDIR. */
const TEMPORARY = /^\/(tmp|var\/tmp|dev\/shm)(\/|$)/;

function target(cmd: Command): string | null {
  const arg = cmd.args.find((a) => !/^-[LPe@]+$/.test(a.value));
  return arg ? arg.value : null;
}

/** Whether a later `rm` in the same RUN removes `dir` or a directory above it. */
function removedLater(cmds: readonly Command[], from: number, dir: string): boolean {
  const d = normalizePath(dir);
  return cmds.slice(from + 1).some((c) => c.name === 'rm' && c.args.some((a) => {
    if (a.value.startsWith('-')) return false;
    const p = normalizePath(a.value.replace(/\/\*$/, ''));
    return !!p && (p === d || d.startsWith(`${p}/`));
  }));
}

export default defineRule({
  name: 'cd-in-run',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Prefer `WORKDIR` over `cd` in `RUN` to change the working directory',
    category: 'style',
    scope: 'all-stages',
    sources: ['hadolint:DL3003', 'trivy:DS-0013'],
    messages: {
      cd: '`cd {{dir}}` changes directory for this `RUN` only. Use `WORKDIR {{dir}}` when the following instructions should work there too, or a subshell `(cd {{dir}} && …)` when only this step should.',
      alone: '`cd {{dir}}` alone in a `RUN` does nothing: the next instruction starts in the old directory again. Use `WORKDIR {{dir}}`.',
    },
  },
  create(context) {
    const { model } = context;
    /** The working directory of the `RUN`; `/` on an official image that sets none, when no `WORKDIR` does. */
    const workdirOf = (stage: Stage, run: Instruction): string | null => {
      // Instructions are visited in order: every RUN after the same WORKDIR shares the answer.
      const key = lastWorkdir.get(stage) ?? stage;
      if (memo.has(key)) return memo.get(key)!;
      let dir = workdirAt(model, stage, run);
      if (dir === null) {
        const base = model.baseImage(stage);
        const anyWorkdir = model.lineage(stage).some((s) => s.instructions.some((i) => i.getKeyword() === 'WORKDIR'));
        dir = base && NO_WORKDIR.test(base.name) && !anyWorkdir ? '/' : null;
      }
      memo.set(key, dir);
      return dir;
    };
    const lastWorkdir = new Map<Stage, Instruction>();
    const memo = new Map<object, string | null>();
    return {
      WORKDIR(instr) {
        const stage = model.stageOf(instr);
        if (stage) lastWorkdir.set(stage, instr);
      },
      RUN(run) {
        const cmds = model.commands(run);
        const stage = model.stageOf(run);
        const atWorkdir = (dir: string): boolean => {
          if (!stage || !dir) return false;
          const resolved = model.resolveInStage(dir, stage, run);
          if (!resolved.startsWith('/') || resolved.includes('$')) return false;
          return joinPath('/', resolved) === workdirOf(stage, run);
        };
        for (let i = 0; i < cmds.length; i++) {
          const cmd = cmds[i]!;
          if (cmd.name !== 'cd') continue;
          // `(cd docs && make html)`: the subshell already keeps the change local.
          if (cmd.joinedBy === '(') continue;
          const dir = target(cmd);
          if (dir === '-') continue;
          // `cd y && make && cd .. && rm -rf y`: going back up after an earlier `cd` of the same RUN.
          if (dir && /^\.\.(\/\.\.)*\/?$/.test(dir) && cmds.slice(0, i).some((c) => c.name === 'cd')) continue;
          // `cd "$(mktemp -d)"`, `cd /tmp/build && … && rm -rf /tmp/build`: a scratch directory.
          if (dir && (/\$\(|`/.test(dir) || TEMPORARY.test(dir) || removedLater(cmds, i, dir))) continue;
          // `cd /opt/x && make && cd /app` where `/app` is the WORKDIR: the script goes back itself,
          // so neither `cd` is meant to last.
          if (dir && atWorkdir(dir)) continue;
          // `cd / && rm -rf /code` with `WORKDIR /code`: leaving a directory the same RUN deletes.
          const here = stage ? workdirOf(stage, run) : null;
          if (here && here !== '/' && removedLater(cmds, i, here)) continue;
          if (cmds.slice(i + 1).some((c) => c.name === 'cd' && c.joinedBy !== '(' && atWorkdir(target(c) ?? ''))) continue;
          const shown = dir ?? '~';
          context.report({
            messageId: cmds.length === 1 ? 'alone' : 'cd',
            data: { dir: shown },
            range: { start: cmd.program.start, end: cmd.end },
          });
          return;
        }
      },
    };
  },
});

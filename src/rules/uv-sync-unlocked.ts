import type { Instruction, Run } from 'dockerfile-ast';
import { buildVar, isOn } from '~/engine/build-env';
import { uvInstall } from '~/engine/commands';
import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import { hasFlag } from '~/engine/shell';
import { joinPath, workdirAt } from '~/engine/workdir';

export default defineRule({
  name: 'uv-sync-unlocked',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require `uv sync` in an image build to use `--locked` or `--frozen`',
    category: 'reproducibility',
    scope: 'all-stages',
    fixable: 'unsafe',
    messages: {
      unlocked: '`uv sync` without `--locked` or `--frozen` may re-resolve and rewrite `uv.lock` during the build, so the image can contain versions nobody reviewed. Add `--locked` (fail if the lock is stale) or `--frozen` (use it as is).',
      noLock: '`uv sync` runs without a lock file: the build copies `pyproject.toml` but no `uv.lock`, so uv resolves the versions during the build and each build can get different ones. Commit `uv.lock`, copy it next to `pyproject.toml` and add `--locked` (`--locked` alone fails without the file).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        for (const c of model.commands(run)) {
          const uv = uvInstall(c);
          if (!uv || uv.sub.value !== 'sync' || c.args[c.args.indexOf(uv.sub) - 1]?.value === 'pip') continue;
          // `conda run -n env uv sync`: the uv command the runner starts.
          const { args } = uv.command;
          if (hasFlag(args, ['--locked', '--frozen'])) continue;
          // `uv sync $UV_SYNC_ARGS`: the options as the shell splits the variables' values; a value
          // that is not known (a `--build-arg` without a default) may hold the flag.
          const dynamic = args.filter((a) => a.value.includes('$')).map((a) => model.resolveInStage(a.value, stage, run));
          if (dynamic.some((v) => v.includes('$') || /(^|\s)--(locked|frozen)(=|\s|$)/.test(v))) continue;
          if (isOn(buildVar(model, stage, 'UV_LOCKED', run, c)) || isOn(buildVar(model, stage, 'UV_FROZEN', run, c))) continue;
          if (lockMissing(model, stage, run as Run)) {
            context.report({ messageId: 'noLock', range: { start: uv.command.program.start, end: uv.sub.end } });
            continue;
          }
          context.report({
            messageId: 'unlocked',
            range: { start: uv.command.program.start, end: uv.sub.end },
            suggestions: [{ title: 'Add `--locked`', edits: [{ start: uv.sub.end, end: uv.sub.end, text: uv.sub.raw.startsWith('"') ? ', "--locked"' : ' --locked' }] }],
          });
        }
      },
    };
  },
});

/** A file name with an extension (`README.md`) or a dotfile (`.python-version`): not a directory that could hold a lock. */
const FILE_NAME = /^(\.[^./][^/]*|[^./][^/]*\.[A-Za-z0-9]+)$/;

/**
 * Whether the build visibly has no `uv.lock` for this `RUN`: the stage (or a parent) copies
 * `pyproject.toml` from the build context into the working directory, and every `COPY`/`ADD`
 * source and bind mount there before it is a single file other than a lock. A directory, a glob, a
 * variable, a copy from another stage or a URL may bring a lock along, and then nothing is claimed;
 * copies elsewhere (`COPY --from=ghcr.io/astral-sh/uv /uv /bin/`) do not matter.
 */
function lockMissing(model: DockerfileModel, stage: Stage, run: Run): boolean {
  const before = model.offsets(run.getRange()).start;
  const project = workdirAt(model, stage, run) ?? '/';
  // Whether a copy to `dest` (resolved against the working directory `wd`) can land in the project directory.
  const reaches = (dest: string | null, wd: string | null): boolean => {
    if (!dest || dest.includes('$') || (!dest.startsWith('/') && wd === null)) return true;
    const abs = joinPath(dest.startsWith('/') ? '/' : wd!, dest).replace(/\/+$/, '') || '/';
    return project === abs || project.startsWith(abs === '/' ? '/' : `${abs}/`);
  };
  let pyproject = false;
  const sees = (path: string | null): boolean => {
    const name = (path ?? '').replace(/\/+$/, '').split('/').pop() ?? '';
    if (!FILE_NAME.test(name) || /uv\.lock|[$*?[]/.test(path ?? '') || /^[a-z]+:\/\//i.test(path ?? '')) return false;
    if (name === 'pyproject.toml') pyproject = true;
    return true;
  };
  for (const s of [...model.lineage(stage)].reverse()) {
    for (const instr of s.instructions as Instruction[]) {
      if (s === stage && model.offsets(instr.getRange()).start >= before) break;
      const c = copyArgs(model, instr);
      if (!c) continue;
      const dest = c.destination?.value ?? null;
      // `COPY a b /dir/` puts files in `/dir`; a single source to `/dir/name` names the file itself.
      const dir = dest && !dest.endsWith('/') && c.sources.length === 1 && FILE_NAME.test(dest.split('/').pop() ?? '') ? dest.replace(/\/[^/]*$/, '') || '/' : dest;
      if (!reaches(dir, workdirAt(model, s, instr))) continue;
      if (c.from || c.sources.length === 0) return false;
      for (const src of c.sources) if (!sees(src.value)) return false;
    }
  }
  for (const m of model.mounts(run)) {
    if (m.type !== 'bind') continue;
    if (m.from || !sees(m.source)) return false;
  }
  return pyproject;
}

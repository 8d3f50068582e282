import type { Instruction } from 'dockerfile-ast';
import { buildVar, isOn, resolvedWords } from '~/engine/build-env';
import { uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { copiedDirectory, environmentReach } from '~/engine/environments';
import type { DockerfileModel, Stage } from '~/engine/model';
import { isDevelopmentStage, runtimeInstructions } from '~/engine/runtime';
import type { Command, Word } from '~/engine/shell';
import { joinPath, workdirAt } from '~/engine/workdir';

/** Group names that hold development-only dependencies (`dev`, `test`, `lint`, `typing`). */
const DEV_GROUP = /^(dev|develop|development|tests?|testing|lint|linters?|linting|typing|types)$/i;

/** Every value of a repeatable option (`--group dev --group=test`). */
function optionValues(args: readonly Word[], name: string): Array<{ option: Word; value: Word; text: string }> {
  const out: Array<{ option: Word; value: Word; text: string }> = [];
  args.forEach((a, i) => {
    if (a.value === name && args[i + 1]) out.push({ option: a, value: args[i + 1]!, text: args[i + 1]!.value });
    else if (a.value.startsWith(`${name}=`)) out.push({ option: a, value: a, text: a.value.slice(name.length + 1) });
  });
  return out;
}

/** How a `uv sync` treats the development groups, from its options. */
function devGroups(args: readonly Word[]): { excluded: true } | { excluded: false; asked: { start: Word; end: Word; text: string } | null } {
  const has = (flag: string) => args.find((a) => a.value === flag);
  // `--no-dev`, or `--no-group dev` (also after `--all-groups`): the development group is left out.
  // `--no-group lint` leaves out that group only: `dev`, the default group, is still installed.
  if (has('--no-dev') || optionValues(args, '--no-group').some((g) => g.text.toLowerCase() === 'dev')) return { excluded: true };
  // Options that ask for development groups explicitly: the finding points at them.
  const onlyDev = has('--only-dev');
  if (onlyDev) return { excluded: false, asked: { start: onlyDev, end: onlyDev, text: '--only-dev' } };
  const all = has('--all-groups');
  if (all) return { excluded: false, asked: { start: all, end: all, text: '--all-groups' } };
  const group = [...optionValues(args, '--group'), ...optionValues(args, '--only-group')].find((g) => DEV_GROUP.test(g.text));
  if (group) return { excluded: false, asked: { start: group.option, end: group.value, text: `${group.option.value.split('=')[0]} ${group.text}` } };
  // `--only-group prod`, `--no-default-groups`: the default groups (`dev`) are not installed.
  if (optionValues(args, '--only-group').length || has('--no-default-groups')) return { excluded: true };
  return { excluded: false, asked: null };
}

export default defineRule({
  name: 'uv-sync-dev',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require `uv sync` in the image that ships to leave out the `dev` dependency group',
    category: 'size',
    scope: 'final-stage',
    fixable: 'unsafe',
    messages: {
      devInFinal: '`uv sync` installs the `dev` dependency group by default, and this stage is the image that ships: test and lint tools go to production. Add `--no-dev` (or set `ENV UV_NO_DEV=1`).',
      devCopied: '`uv sync` installs the `dev` dependency group by default, and the final stage copies this environment (line {{line}}): test and lint tools go to production. Add `--no-dev` (or set `ENV UV_NO_DEV=1`).',
      askedInFinal: '`{{option}}` installs development dependencies in the image that ships: test and lint tools go to production. Remove it and add `--no-dev`.',
      askedCopied: '`{{option}}` installs development dependencies, and the final stage copies this environment (line {{line}}): test and lint tools go to production. Remove it and add `--no-dev`.',
      runInImage: '`uv run` syncs the project before it runs the command, with the `dev` dependency group by default: this step installs test and lint tools into the image that ships. Add `--no-sync` when the environment is already synced, or `--no-dev` (or set `ENV UV_NO_SYNC=1`).',
      runCopied: '`uv run` syncs the project before it runs the command, with the `dev` dependency group by default: this step installs test and lint tools into the environment the final stage copies (line {{line}}). Add `--no-sync` when the environment is already synced, or `--no-dev` (or set `ENV UV_NO_SYNC=1`).',
      runSyncs: '`uv run` syncs the project before it starts the program, with the `dev` dependency group by default: every container start installs test and lint tools (and needs the network to fetch them). Add `--no-sync` when the image already holds the environment, or `--no-dev` (or set `ENV UV_NO_SYNC=1`).',
    },
  },
  create(context) {
    const { model } = context;
    const reach = environmentReach(model);
    const resyncedByStage = new Map<Stage, Set<Command>>();
    return {
      FinalStage(stage) {
        if (isDevelopmentStage(stage)) return;
        // `CMD ["uv", "run", "uvicorn", …]`: uv run syncs (inexactly) before it runs, default groups included.
        const { cmd, entrypoint, cmdIgnored } = runtimeInstructions(model, stage);
        for (const instr of [entrypoint, cmdIgnored ? null : cmd]) {
          if (!instr) continue;
          const cmds = model.commands(instr);
          for (const c of cmds) {
            const run = uvRunWord(c);
            if (!run) continue;
            const options = runOptions(c.args, c.args.indexOf(run) + 1);
            const has = (flag: string) => options.some((o) => o.value === flag);
            if (has('--no-sync') || has('--no-project') || devGroups(options).excluded) continue;
            if (['UV_NO_SYNC', 'UV_NO_DEV', 'UV_NO_DEFAULT_GROUPS'].some((name) => isOn(buildVar(model, stage, name, instr, c, cmds)))) continue;
            context.report({
              messageId: 'runSyncs',
              range: { start: c.program.start, end: run.end },
              suggestions: [{
                title: 'Leave the `dev` group out (`--no-dev`)',
                edits: [{ start: run.end, end: run.end, text: run.raw.startsWith('"') ? ', "--no-dev"' : ' --no-dev' }],
              }],
            });
          }
        }
      },
      RUN(run, stage) {
        const reached = reach(stage);
        if (!reached) return;
        const { inFinal, envCopy, sources: copied } = reached;
        const cmds = model.commands(run);
        const resynced = () => {
          let set = resyncedByStage.get(stage);
          if (!set) resyncedByStage.set(stage, set = resyncedSyncs(model, stage));
          return set;
        };
        for (const cmd of cmds) {
          // `RUN uv run manage.py collectstatic` after `uv sync --no-dev`: uv run syncs first, dev group included.
          const runWord = uvRunWord(cmd);
          if (runWord) {
            const options = runOptions(cmd.args, cmd.args.indexOf(runWord) + 1);
            if (options.some((o) => o.value === '--no-sync' || o.value === '--no-project' || o.value.includes('$')) || devGroups(options).excluded) continue;
            if (['UV_NO_SYNC', 'UV_NO_DEV', 'UV_NO_DEFAULT_GROUPS'].some((name) => isOn(buildVar(model, stage, name, run, cmd, cmds)))) continue;
            if (resynced().has(cmd)) continue;
            let copy: Instruction | null = envCopy;
            if (!inFinal && !copy) {
              const venv = projectEnvironment(model, stage, run, cmd, cmds, options);
              copy = venv ? copiedDirectory(copied, stage, venv) : null;
              if (!copy) continue;
            }
            context.report({
              messageId: copy ? 'runCopied' : 'runInImage',
              data: { line: copy ? copy.getRange().start.line + 1 : 0 },
              range: { start: cmd.program.start, end: runWord.end },
              suggestions: [{
                title: 'Leave the `dev` group out (`--no-dev`)',
                edits: [{ start: runWord.end, end: runWord.end, text: runWord.raw.startsWith('"') ? ', "--no-dev"' : ' --no-dev' }],
              }],
            });
            continue;
          }
          const uv = uvInstall(cmd);
          if (!uv || uv.sub.value !== 'sync' || uv.command.args[uv.command.args.indexOf(uv.sub) - 1]?.value === 'pip') continue;
          const args = resolvedWords(model, stage, run, uv.args);
          if (!args) continue;
          const groups = devGroups(args);
          if (groups.excluded) continue;
          if (!groups.asked && (isOn(buildVar(model, stage, 'UV_NO_DEV', run, cmd, cmds)) || isOn(buildVar(model, stage, 'UV_NO_DEFAULT_GROUPS', run, cmd, cmds)))) continue;
          // `if [ "$DEV" = 1 ]; then uv sync; else uv sync --no-dev; fi`: the development group is a build-time choice.
          if (cmd.branch && cmds.some((c) => c !== cmd && c.branch && isSyncWithoutDev(c))) continue;
          // `uv sync --no-install-project` then `uv sync $EXTRAS`: a sync is exact (it removes what it was not
          // asked for), so a later one into the same environment decides what stays; that one is judged.
          if (resynced().has(cmd)) continue;
          let copy: Instruction | null = envCopy;
          if (!inFinal && !copy) {
            const venv = projectEnvironment(model, stage, run, cmd, cmds, uv.args);
            copy = venv ? copiedDirectory(copied, stage, venv) : null;
            if (!copy) continue;
          }
          const line = copy ? copy.getRange().start.line + 1 : 0;
          // An option written through a variable has no offsets of its own: report the command.
          if (groups.asked && groups.asked.start.end > 0) {
            context.report({
              messageId: copy ? 'askedCopied' : 'askedInFinal',
              data: { option: groups.asked.text, line },
              range: { start: groups.asked.start.start, end: groups.asked.end.end },
            });
            continue;
          }
          context.report({
            messageId: groups.asked ? (copy ? 'askedCopied' : 'askedInFinal') : (copy ? 'devCopied' : 'devInFinal'),
            data: { option: groups.asked?.text ?? '', line },
            range: { start: uv.command.program.start, end: uv.sub.end },
            suggestions: groups.asked ? [] : [{
              title: 'Leave the `dev` group out (`--no-dev`)',
              edits: [{ start: uv.sub.end, end: uv.sub.end, text: uv.sub.raw.startsWith('"') ? ', "--no-dev"' : ' --no-dev' }],
            }],
          });
        }
      },
    };
  },
});

/**
 * The `uv sync` commands of a stage that a later one decides for: a later `uv sync` (later in the same
 * `RUN` or in a later one) syncs the same project environment exactly (no `--inexact`). An environment
 * not known on either side counts as the same. One pass from the end of the stage.
 */
function resyncedSyncs(model: DockerfileModel, stage: Stage): Set<Command> {
  const syncs: Array<{ cmd: Command; env: string | null; exact: boolean }> = [];
  for (const run of stage.instructions) {
    if (run.getKeyword() !== 'RUN') continue;
    const cmds = model.commands(run);
    for (const c of cmds) {
      // `uv run` syncs too, inexactly: a later exact sync decides for it, and it decides for nothing.
      const runWord = uvRunWord(c);
      if (runWord) {
        syncs.push({ cmd: c, env: projectEnvironment(model, stage, run, c, cmds, runOptions(c.args, c.args.indexOf(runWord) + 1)), exact: false });
        continue;
      }
      const uv = uvInstall(c);
      if (!uv || uv.sub.value !== 'sync' || uv.command.args[uv.command.args.indexOf(uv.sub) - 1]?.value === 'pip') continue;
      syncs.push({ cmd: c, env: projectEnvironment(model, stage, run, c, cmds, uv.args), exact: !uv.args.some((a) => a.value === '--inexact') });
    }
  }
  const out = new Set<Command>();
  const laterEnvs = new Set<string>();
  let laterUnknown = false;
  for (const sync of syncs.reverse()) {
    if (laterUnknown || (sync.env === null ? laterEnvs.size > 0 : laterEnvs.has(sync.env))) out.add(sync.cmd);
    if (!sync.exact) continue;
    if (sync.env === null) laterUnknown = true; else laterEnvs.add(sync.env);
  }
  return out;
}

/** uv's global options that take a value (`uv --directory /app run …`). */
const UV_GLOBAL_WITH_VALUE = /^(--directory|--project|--cache-dir|--config-file|--color|--python-preference|--python-downloads|--allow-insecure-host)$/;
/** `uv run`'s options that take a value: the program is the first word after them. */
const UV_RUN_WITH_VALUE = /^(--with|--with-editable|--with-requirements|--python|-p|--package|--extra|--group|--only-group|--no-group|--no-extra|--env-file|--index|--index-url|-i|--extra-index-url|--default-index|--find-links|-f|--directory|--project|--cache-dir)$/;

/** The `run` word of a `uv run` command (after uv's global options), or null. */
function uvRunWord(c: Command): Word | null {
  if (c.name !== 'uv') return null;
  let i = 0;
  while (i < c.args.length && c.args[i]!.value.startsWith('-')) i += UV_GLOBAL_WITH_VALUE.test(c.args[i]!.value) ? 2 : 1;
  return c.args[i]?.value === 'run' ? c.args[i]! : null;
}

/** The options of `uv run` (from `from`), up to the program it starts. */
function runOptions(args: readonly Word[], from: number): Word[] {
  const out: Word[] = [];
  for (let i = from; i < args.length && args[i]!.value.startsWith('-') && args[i]!.value !== '--'; i++) {
    out.push(args[i]!);
    if (UV_RUN_WITH_VALUE.test(args[i]!.value) && args[i + 1]) out.push(args[++i]!);
  }
  return out;
}

function isSyncWithoutDev(c: Command): boolean {
  const uv = uvInstall(c);
  return !!uv && uv.sub.value === 'sync' && devGroups(uv.args).excluded;
}

/**
 * Where `uv sync` puts the project's environment: `UV_PROJECT_ENVIRONMENT` when it is an absolute
 * path, else `.venv` in the project directory (`--directory`/`--project`, else the working directory).
 */
function projectEnvironment(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command, cmds: readonly Command[], args: readonly Word[]): string | null {
  const workdir = workdirAt(model, stage, run) ?? '/';
  const env = buildVar(model, stage, 'UV_PROJECT_ENVIRONMENT', run, cmd, cmds)?.value;
  if (env?.includes('$')) return null;
  const under = (dir: string, rel: string) => (rel.startsWith('/') ? joinPath('/', rel) : joinPath(dir, rel));
  if (env) return under(workdir, env);
  const project = [...optionValues(args, '--directory'), ...optionValues(args, '--project')].at(-1)?.text;
  if (project?.includes('$')) return null;
  return joinPath(project ? under(workdir, project) : workdir, '.venv');
}

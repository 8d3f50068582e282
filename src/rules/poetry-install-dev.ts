import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import { copiedDirectory, environmentReach } from '~/engine/environments';
import type { DockerfileModel, Stage } from '~/engine/model';
import { buildVar, isOn, resolvedWords } from '~/engine/build-env';
import type { Command, Word } from '~/engine/shell';
import { workdirAt } from '~/engine/workdir';

/** Poetry's global options that take a value (`poetry -C app install`). */
const WITH_VALUE = new Set(['-C', '--directory', '-P', '--project']);
/** Group names that hold development-only dependencies (`dev`, `develop`, `test`, `tests`). */
const DEV_GROUP = /dev|test/i;

/** `poetry install` / `poetry sync`: the subcommand word, or null. */
function poetryInstall(cmd: Command): Word | null {
  if (cmd.name !== 'poetry') return null;
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i]!;
    if (WITH_VALUE.has(a.value)) { i++; continue; }
    if (a.value.startsWith('-')) continue;
    return a.value === 'install' || a.value === 'sync' ? a : null;
  }
  return null;
}

/** Every value of a repeatable option (`--without dev --without=test,docs`). */
function optionValues(args: readonly Word[], name: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a.value === name && args[i + 1]) out.push(args[i + 1]!.value);
    else if (a.value.startsWith(`${name}=`)) out.push(a.value.slice(name.length + 1));
  });
  return out;
}

/** Whether the install leaves development groups out. */
function excludesDev(args: readonly Word[]): boolean {
  const values = args.map((a) => a.value);
  if (values.includes('--no-dev') || values.includes('--only-root')) return true;
  const only = optionValues(args, '--only');
  if (only.length) return !only.some((v) => DEV_GROUP.test(v));
  // `--without dev`, also groups named otherwise (`--without test,lint`): the project's development groups are left out.
  return optionValues(args, '--without').some((v) => v.split(',').some((g) => DEV_GROUP.test(g) || /^(lint|linters?|linting|typing)$/i.test(g.trim())));
}

/**
 * The `--with` option that names only development groups (`--with dev`, `--with=dev,test`): the
 * words from the option to its value, or null.
 */
function withDev(args: readonly Word[]): { start: Word; end: Word; groups: string } | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const joined = a.value.startsWith('--with=');
    if (a.value !== '--with' && !joined) continue;
    const value = joined ? a : args[i + 1];
    const groups = joined ? a.value.slice('--with='.length) : value?.value ?? '';
    if (value && groups && groups.split(',').every((g) => DEV_GROUP.test(g))) return { start: a, end: value, groups };
  }
  return null;
}

export default defineRule({
  name: 'poetry-install-dev',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require `poetry install` in the image that ships to leave out development dependency groups',
    category: 'size',
    scope: 'final-stage',
    fixable: 'unsafe',
    messages: {
      devInFinal: '`poetry {{sub}}` installs every non-optional dependency group, the `dev` group included, and this stage is the image that ships: test and lint tools go to production. Add `--only main` (or `--without dev`).',
      devCopied: '`poetry {{sub}}` installs every non-optional dependency group, the `dev` group included, and the final stage copies this environment (line {{line}}): test and lint tools go to production. Add `--only main` (or `--without dev`).',
      withDevInFinal: '`--with {{groups}}` installs the development dependencies in the image that ships: test and lint tools go to production. Remove it and install the main group only (`--only main`).',
      withDevCopied: '`--with {{groups}}` installs the development dependencies, and the final stage copies this environment (line {{line}}): test and lint tools go to production. Remove it and install the main group only (`--only main`).',
    },
  },
  create(context) {
    const { model } = context;
    const reach = environmentReach(model);
    return {
      RUN(run, stage) {
        const reached = reach(stage);
        if (!reached) return;
        const { inFinal, envCopy, sources: copied } = reached;
        const cmds = model.commands(run);
        for (const cmd of cmds) {
          const sub = poetryInstall(cmd);
          if (!sub) continue;
          // `poetry install $POETRY_ARGS`: the options as the shell splits the variables' known values; unknown ones may leave dev out.
          const words = resolvedWords(model, stage, run, cmd.args);
          if (!words || excludesDev(words)) continue;
          // `if [ "$INSTALL_DEV" = true ]; then poetry install; else poetry install --only main; fi`
          // (FastAPI's full-stack template): the development groups are a build-time choice.
          if (cmd.branch && cmds.some((c) => c !== cmd && c.branch && poetryInstall(c) && excludesDev(c.args))) continue;
          // A copied project directory ships the environment only when Poetry created it inside the project (`.venv`).
          let copy = envCopy;
          if (!inFinal && !copy) {
            const dir = inProject(model, stage, run, cmd, cmds) ? workdirAt(model, stage, run) : null;
            copy = dir ? copiedDirectory(copied, stage, dir) : null;
            if (!copy) continue;
          }
          const onlyMain = { start: sub.end, end: sub.end, text: sub.raw.startsWith('"') ? ', "--only", "main"' : ' --only main' };
          const line = copy ? copy.getRange().start.line + 1 : 0;
          // `poetry install --with dev`: the option asks for the development groups; point at it.
          const asked = withDev(cmd.args);
          if (asked && !asked.start.raw.startsWith('"')) {
            // Replace the option and the blanks before it (`install --with dev --no-root` → `install --only main --no-root`).
            let from = asked.start.start;
            while (from > 0 && (context.text[from - 1] === ' ' || context.text[from - 1] === '\t')) from--;
            context.report({
              messageId: copy ? 'withDevCopied' : 'withDevInFinal',
              data: { groups: asked.groups, line },
              range: { start: asked.start.start, end: asked.end.end },
              suggestions: [{ title: `Replace \`--with ${asked.groups}\` with \`--only main\``, edits: [{ start: from, end: asked.end.end, text: ' --only main' }] }],
            });
            continue;
          }
          context.report({
            messageId: copy ? 'devCopied' : 'devInFinal',
            data: { sub: sub.value, line },
            range: { start: cmd.program.start, end: sub.end },
            suggestions: [{ title: 'Install only the main group (`--only main`)', edits: [onlyMain] }],
          });
        }
      },
    };
  },
});

/**
 * Whether Poetry creates the virtualenv inside the project (`.venv` in the working directory):
 * `POETRY_VIRTUALENVS_IN_PROJECT` on, or `poetry config virtualenvs.in-project true` earlier in the stage.
 */
function inProject(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command, cmds: readonly Command[]): boolean {
  if (isOn(buildVar(model, stage, 'POETRY_VIRTUALENVS_IN_PROJECT', run, cmd, cmds))) return true;
  for (const s of model.lineage(stage)) {
    for (const instr of s.instructions) {
      if (instr.getKeyword() !== 'RUN' || (s === stage && !model.isBefore(instr, run) && instr !== run)) continue;
      for (const c of model.commands(instr)) {
        if (c === cmd) break;
        const v = c.args.map((a) => a.value);
        const at = v.indexOf('virtualenvs.in-project');
        if (c.name === 'poetry' && v.includes('config') && at >= 0 && /^(true|1)$/i.test(v[at + 1] ?? '')) return true;
      }
    }
  }
  return false;
}

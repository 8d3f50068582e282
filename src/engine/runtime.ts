import type { Env, Instruction, Property } from 'dockerfile-ast';
import { editDistance, pythonModule, throughRunner as runnerTarget } from './commands';
import { execScriptCommands, type DockerfileModel, type EnvEntry, type Stage } from './model';
import type { Command, Word } from './shell';
import type { ReportDescriptor } from './types';

/**
 * The CMD and ENTRYPOINT in effect for a stage: its own last ones, else inherited from parents.
 * An ENTRYPOINT set below the stage that set the CMD resets the CMD, as Docker does; a shell-form
 * ENTRYPOINT never runs a CMD at all (`cmdIgnored`).
 */
export function runtimeInstructions(model: DockerfileModel, stage: Stage): { cmd: Instruction | null; entrypoint: Instruction | null; cmdIgnored: boolean } {
  let cmd: Instruction | null = null;
  let entrypoint: Instruction | null = null;
  let cmdDepth = -1;
  let entrypointDepth = -1;
  for (const [depth, s] of model.lineage(stage).entries()) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const instr = s.instructions[i]!;
      const k = instr.getKeyword();
      if (k === 'CMD' && !cmd) { cmd = instr; cmdDepth = depth; }
      if (k === 'ENTRYPOINT' && !entrypoint) { entrypoint = instr; entrypointDepth = depth; }
    }
  }
  if (cmd && entrypoint && cmdDepth > entrypointDepth) cmd = null;
  const cmdIgnored = !!cmd && !!entrypoint && !isExecForm(entrypoint);
  return { cmd, entrypoint, cmdIgnored };
}

export interface RuntimeCommand {
  command: Command;
  instruction: Instruction;
  /** Arguments that reach the program: its own, plus an exec-form CMD's when the ENTRYPOINT is exec form. */
  args: Word[];
}

/** The commands the container runs at start: the ENTRYPOINT's and the CMD's, through shells and wrappers. */
export function runtimeCommands(model: DockerfileModel, stage: Stage): RuntimeCommand[] {
  const { cmd, entrypoint, cmdIgnored } = runtimeInstructions(model, stage);
  const out: RuntimeCommand[] = [];
  const cmdCommands = cmd && !cmdIgnored ? model.commands(cmd) : [];
  const cmdExec = !!cmd && isExecForm(cmd);
  if (entrypoint) {
    const ep = model.commands(entrypoint);
    const last = ep[ep.length - 1];
    // `ENTRYPOINT ["/bin/sh", "-c"]` with `CMD ["exec gunicorn …"]`: the CMD's first string is the script.
    const script = cmd && cmdExec && !cmdIgnored && last && isExecForm(entrypoint) && /^(ba|da|z|a|k)?sh$/.test(last.name)
      && /^-[a-z]*c[a-z]*$/.test(last.args[last.args.length - 1]?.value ?? '') ? model.execWords(cmd)?.[0] : undefined;
    if (cmd && last && script) {
      for (const c of ep.slice(0, -1)) out.push(throughRunner({ command: c, instruction: entrypoint, args: c.args }));
      for (const c of execScriptCommands(script)) {
        const inner = { ...c, env: [...last.env, ...c.env], wrappers: [...last.wrappers, last.name, ...c.wrappers] };
        out.push(throughRunner({ command: inner, instruction: cmd, args: inner.args }));
      }
      return out;
    }
    ep.forEach((c, i) => {
      const extra = isExecForm(entrypoint) && cmdExec && i === ep.length - 1 ? cmdCommands.flatMap((x) => [x.program, ...x.args]) : [];
      out.push(throughRunner({ command: c, instruction: entrypoint, args: [...c.args, ...extra] }));
    });
  }
  if (cmd && !cmdIgnored) for (const c of cmdCommands) out.push(throughRunner({ command: c, instruction: cmd, args: c.args }));
  return out;
}

/**
 * The program a project runner starts (`uv run --no-sync gunicorn app:app` → gunicorn with `app:app`;
 * also `poetry run`, `pipenv run`, `pdm run`, `rye run`, `conda run -n env`), with the CMD's words an
 * exec-form ENTRYPOINT passes on; the command as it is when it is not a runner.
 */
function throughRunner(r: RuntimeCommand): RuntimeCommand {
  const inner = runnerTarget({ ...r.command, args: r.args });
  if (inner.program === r.command.program) return r;
  // The command keeps its own words; `args` also has those an exec-form CMD adds.
  const own = new Set(r.command.args);
  return { command: { ...inner, args: inner.args.filter((w) => own.has(w)) }, instruction: r.instruction, args: inner.args };
}

export function isExecForm(instr: Instruction): boolean {
  return /^\s*\[/.test(instr.getArgumentsContent() ?? '');
}

/**
 * Inserts words after `after` in the instruction's own form: JSON strings in exec form, plain words in shell form.
 * Given the document's text, exec form copies the array's own separator (`","` stays `","`, not `", "`).
 */
export function insertWords(after: Word, words: string[], text?: string): { start: number; end: number; text: string } {
  const exec = after.raw.startsWith('"');
  const sep = exec && text !== undefined ? arraySeparator(text, after) : ', ';
  const inserted = exec ? words.map((w) => `${sep}${JSON.stringify(w)}`).join('') : words.map((w) => ` ${w}`).join('');
  return { start: after.end, end: after.end, text: inserted };
}

/** The separator next to a JSON-array element (`,` or `, `, blanks only), the one after it else the one before it; `, ` when neither is on its line. */
function arraySeparator(text: string, word: Word): string {
  const after = /^,[ \t]*(?=")/.exec(text.slice(word.end, word.end + 16));
  if (after) return after[0];
  const before = /,[ \t]*$/.exec(text.slice(Math.max(0, word.start - 16), word.start));
  return before ? before[0] : ', ';
}

/**
 * Launchers that start the program named among their arguments, for tracing or monitoring:
 * `ddtrace-run gunicorn …`, `opentelemetry-instrument --traces_exporter otlp gunicorn …`,
 * `newrelic-admin run-program gunicorn …`.
 */
const LAUNCHERS = new Set(['ddtrace-run', 'opentelemetry-instrument', 'newrelic-admin', 'scout-apm', 'sentry-run']);

/** `python -m gunicorn` / `gunicorn` (also behind a tracing launcher): the word naming the program, or null. */
export function programWord(c: Command, name: string): Word | null {
  if (c.name === name) return c.program;
  if (/^python(\d+(\.\d+)?)?$/.test(c.name)) {
    const module = pythonModule(c.args);
    // `-m gunicorn` names the program in the word after `-m`; `-mgunicorn` in the same word.
    if (module?.name === name) return c.args[module.next - 1]!;
  }
  if (LAUNCHERS.has(c.name)) {
    const word = c.args.find((a) => a.value.slice(a.value.lastIndexOf('/') + 1) === name);
    if (word) return word;
  }
  return null;
}

/**
 * A stage whose name says it is for development or tests (`dev`, `development`, `local`, `debug`,
 * `test`, `ci`, also with a suffix: `dev-server`): a Dockerfile that ends with such a stage is
 * built for that purpose, so rules about the production image leave it alone.
 */
export function isDevelopmentStage(stage: Stage): boolean {
  return /^(dev|devel|develop|development|local|debug|test|tests|testing|ci)([-_.].*)?$/.test(stage.name ?? '');
}

/**
 * Whether a Python interpreter command sets a one-letter option before its script or module:
 * `python -u app.py`, `python3 -Bu -m app`, `python -X dev -u app.py`.
 */
export function pythonOption(c: Command, letter: string): boolean {
  if (!/^(python|pypy)(\d+(\.\d+)?)?$/.test(c.name)) return false;
  for (let i = 0; i < c.args.length; i++) {
    const v = c.args[i]!.value;
    if (v === '--' || !v.startsWith('-') || v === '-') return false;
    if (v.startsWith('--')) continue;
    for (let k = 1; k < v.length; k++) {
      const l = v[k]!;
      if (l === letter) return true;
      // The rest of the word, or the next word, is the module, the command or the option's value.
      if (l === 'm' || l === 'c') return false;
      if (l === 'W' || l === 'X') {
        if (k === v.length - 1) i++;
        break;
      }
    }
  }
  return false;
}

/** The arguments after the program word (`programWord`): the program's own options and operands. */
export function argsAfter(args: readonly Word[], word: Word): Word[] {
  const i = args.indexOf(word);
  return i >= 0 ? args.slice(i + 1) : [...args];
}

/**
 * An `ENV` key in the stage or its parents that is a misspelling of the Python variable `name`
 * (`PYTHONBUFFERED`, `PYTHONUNBUFFERD`, `PYTHON_UNBUFFERED`, `PYTHONDONTWITEBYTECODE`): the same
 * letters up to case and underscores, or at most two edits away. Python reads only the exact name,
 * so such a line has no effect. The last one wins; `null` when `name` itself is set or none is close.
 */
export function misspelledEnv(model: DockerfileModel, stage: Stage, name: string): { entry: EnvEntry; property: Property } | null {
  if (model.envValue(stage, name)) return null;
  const target = name.replace(/_/g, '');
  let found: { entry: EnvEntry; property: Property } | null = null;
  for (const entry of model.env(stage)) {
    const key = entry.name.toUpperCase().replace(/_/g, '');
    if (!key.startsWith('PYTHON') || Math.abs(key.length - target.length) > 2 || editDistance(key, target, { transpositions: true }) > 2) continue;
    const property = (entry.instruction as Env).getProperties().filter((p) => p.getName() === entry.name).pop();
    if (property) found = { entry, property };
  }
  return found;
}

/**
 * The report for a misspelled key of `name` (see misspelledEnv), under `messageId`: at the key, with
 * the fix that renames it; null when there is none.
 */
export function misspelledEnvReport<M extends string>(model: DockerfileModel, stage: Stage, name: string, messageId: M): ReportDescriptor<M> | null {
  const typo = misspelledEnv(model, stage, name);
  if (!typo) return null;
  const range = typo.property.getNameRange();
  const { start, end } = model.offsets(range);
  return {
    messageId,
    range,
    data: { name: typo.entry.name },
    fix: { title: `Rename \`${typo.entry.name}\` to \`${name}\``, edits: [{ start, end, text: name }] },
  };
}

import type { Command, Word } from './shell';

/** A pip invocation found in a command, however it was spelled. */
export interface PipCall {
  /** `pip` (pip, pip3, pip3.12, python -m pip, /venv/bin/pip) or `uv` (uv pip …). */
  tool: 'pip' | 'uv';
  /** The subcommand word (`install`, `download`, `wheel`, …), or null. */
  subcommand: Word | null;
  /** Arguments after the subcommand. */
  args: Word[];
  command: Command;
}

const PIP = /^pip(\d+(\.\d+)?)?$/;
const PYTHON = /^(python|pypy)(\d+(\.\d+)?)?$/;

const CONDA_RUN = /^(-n|--name|-p|--prefix|--cwd|-r|--root-prefix|-a|--attach|--rc-file)$/;
/**
 * Project runners whose `run` starts a program in an environment (`conda run -n env pip install …`,
 * `poetry run pip install …`), with the options that take a value, before and after `run`
 * (runtime.ts reads CMD and ENTRYPOINT through it too).
 */
const RUNNERS: Record<string, { global: RegExp; run: RegExp }> = {
  uv: {
    global: /^(--directory|--project|--cache-dir|--config-file|--color|--python-preference|--python-downloads|--allow-insecure-host)$/,
    run: /^(--with|--with-editable|--with-requirements|--python|-p|--package|--extra|--group|--only-group|--no-group|--no-extra|--env-file|--index|--index-url|-i|--extra-index-url|--default-index|--find-links|-f|--index-strategy|--keyring-provider|--resolution|--prerelease|--link-mode|--exclude-newer|--config-setting|-C|--refresh-package|--reinstall-package|--upgrade-package|-P|--no-binary-package|--no-build-package|--no-build-isolation-package|--directory|--project|--cache-dir|--python-preference|--python-platform)$/,
  },
  poetry: { global: /^(-C|--directory|-P|--project)$/, run: /^(-C|--directory|-P|--project)$/ },
  pipenv: { global: /^(--python)$/, run: /^$/ },
  pdm: { global: /^(-p|--project)$/, run: /^(-p|--project|--venv)$/ },
  rye: { global: /^$/, run: /^(--pyproject)$/ },
  conda: { global: /^$/, run: CONDA_RUN },
  mamba: { global: /^$/, run: CONDA_RUN },
  micromamba: { global: /^$/, run: CONDA_RUN },
};

/**
 * The program a project runner starts in a RUN (`micromamba run -n base pip install torch` → `pip`
 * with `install torch`), through nested runners; the command itself when it is not a runner.
 */
export function throughRunner(cmd: Command): Command {
  const runner = RUNNERS[cmd.name];
  if (!runner) return cmd;
  const words = cmd.args;
  let i = 0;
  const skip = (withValue: RegExp) => {
    while (i < words.length && words[i]!.value.startsWith('-') && words[i]!.value !== '--') i += withValue.test(words[i]!.value) ? 2 : 1;
  };
  skip(runner.global);
  if (words[i]?.value !== 'run') return cmd;
  i++;
  skip(runner.run);
  if (words[i]?.value === '--') i++;
  const program = words[i];
  if (!program) return cmd;
  const name = program.value.slice(program.value.lastIndexOf('/') + 1);
  return throughRunner({ ...cmd, name, program, args: words.slice(i + 1), wrappers: [...cmd.wrappers, cmd.name] });
}

/**
 * Recognises pip in any of its spellings: `pip`, `pip3`, `pip3.12`, `/venv/bin/pip`,
 * `python -m pip`, `python3.12 -m pip`, `uv pip`. Returns null for anything else (pipx, pipenv).
 */
export function pipCall(command: Command): PipCall | null {
  // `conda run -n env pip …`, `poetry run python -m pip …`: the pip the runner starts.
  const cmd = throughRunner(command);
  let rest: Word[] | null = null;
  let tool: PipCall['tool'] = 'pip';
  if (PIP.test(cmd.name)) rest = cmd.args;
  else if (PYTHON.test(cmd.name)) {
    const module = pythonModule(cmd.args);
    if (module?.name === 'pip') rest = cmd.args.slice(module.next);
  } else if (cmd.name === 'uv') {
    const i = skipOptions(cmd.args, 0, UV_OPTS_WITH_VALUE);
    if (cmd.args[i]?.value === 'pip') {
      tool = 'uv';
      rest = [...cmd.args.slice(0, i), ...cmd.args.slice(i + 1)];
    }
  }
  if (!rest) return null;
  // Global options may come before the subcommand (`pip --no-cache-dir install`, `pip --timeout 60 install`).
  const i = skipOptions(rest, 0, tool === 'uv' ? UV_OPTS_WITH_VALUE : PIP_OPTS_WITH_VALUE);
  const subcommand = rest[i] ?? null;
  return { tool, subcommand, args: [...rest.slice(0, i), ...rest.slice(i + 1)], command: cmd };
}

/** pip's general options that take a value as the next word (`pip --timeout 60 install`). */
const PIP_OPTS_WITH_VALUE = new Set([
  '--python', '--log', '--log-file', '--proxy', '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert',
  '--client-cert', '--cache-dir', '--use-feature', '--use-deprecated', '--resume-retries', '--keyring-provider',
]);
/** uv's global options that take a value as the next word (`uv --directory /app sync`). */
const UV_OPTS_WITH_VALUE = new Set([
  '--cache-dir', '--directory', '--project', '--config-file', '--color', '--python-preference', '--allow-insecure-host',
  '--python', '-p', '--python-downloads', '--index-url', '-i', '--extra-index-url', '--index', '--default-index',
]);

/** The index of the first word at or after `from` that is not an option or an option's value. */
function skipOptions(words: Word[], from: number, withValue: ReadonlySet<string>): number {
  let i = from;
  while (i < words.length && words[i]!.value.startsWith('-') && words[i]!.value !== '-') {
    i += withValue.has(words[i]!.value) ? 2 : 1;
  }
  return i;
}

/**
 * The module a Python interpreter runs with `-m`, however the options are written: `-m pip`,
 * `-mpip`, clustered flags (`-Im pip`, `-Bm pip`), after `-X dev` or `-W ignore`. Null for a
 * script, `-c`, or no `-m`. `next` is the index of the first word after the module name.
 */
export function pythonModule(args: Word[]): { name: string; next: number } | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!.value;
    if (a === '--' || !a.startsWith('-') || a === '-') return null;
    if (a.startsWith('--')) continue;
    // A cluster of one-letter options; m, c, W and X take the rest of the word or the next word.
    for (let k = 1; k < a.length; k++) {
      const letter = a[k]!;
      if (letter === 'c') return null;
      if (letter === 'm') {
        const attached = a.slice(k + 1);
        return attached ? { name: attached, next: i + 1 } : args[i + 1] ? { name: args[i + 1]!.value, next: i + 2 } : null;
      }
      if (letter === 'W' || letter === 'X') {
        if (k === a.length - 1) i++;
        break;
      }
    }
  }
  return null;
}

/** `pip install …` (or `uv pip install …`): the call, or null. */
export function pipInstall(cmd: Command): PipCall | null {
  const call = pipCall(cmd);
  return call && call.subcommand?.value === 'install' ? call : null;
}

/** Whether an environment assignment word (`X=1`) in front of the command sets `name`. */
export function inlineEnv(cmd: Command, name: string): string | null {
  for (const w of cmd.env) {
    if (w.value.startsWith(`${name}=`)) return w.value.slice(name.length + 1);
  }
  return null;
}

/**
 * `uv pip install`, `uv pip sync`, `uv sync`, `uv add`, `uv tool install` (also behind a project
 * runner: `conda run -n env uv pip install …`): the subcommand word, the arguments, and the uv command.
 */
export function uvInstall(command: Command): { sub: Word; args: Word[]; command: Command } | null {
  const cmd = throughRunner(command);
  if (cmd.name !== 'uv') return null;
  const words = cmd.args;
  const i = skipOptions(words, 0, UV_OPTS_WITH_VALUE);
  const first = words[i];
  if (!first) return null;
  if (first.value === 'pip') {
    const second = words[i + 1];
    if (second && (second.value === 'install' || second.value === 'sync')) return { sub: second, args: [...words.slice(0, i), ...words.slice(i + 2)], command: cmd };
    return null;
  }
  if (first.value === 'sync' || first.value === 'add') return { sub: first, args: [...words.slice(0, i), ...words.slice(i + 1)], command: cmd };
  if (first.value === 'tool' && words[i + 1]?.value === 'install') return { sub: words[i + 1]!, args: words.slice(i + 2), command: cmd };
  return null;
}

const TRUTHY = /^(1|true|yes|on)$/i;
/** Whether an environment value reads as "on" for uv's boolean variables. */
export function truthy(value: string | null | undefined): boolean {
  return !!value && TRUTHY.test(value.trim());
}

/**
 * Edit distance between two short names, for "did you mean" hints: Levenshtein, or with
 * `transpositions` the optimal string alignment distance, where swapping two adjacent letters is one
 * edit (`PYTHONUNBUFFEERD`).
 */
export function editDistance(a: string, b: string, { transpositions = false } = {}): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest of `candidates` to `name` within a small edit distance, or null. */
export function didYouMean(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const cl = c.toLowerCase();
    // A name that is the start of a candidate (`pip-no-cache` → `pip-no-cache-dir`) is the best hint.
    if (lower.length >= 4 && (cl.startsWith(lower) || lower.startsWith(cl))) {
      const d = Math.abs(cl.length - lower.length) / 10;
      if (d < bestD) { best = c; bestD = d; }
      continue;
    }
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD && d <= Math.max(1, Math.floor(name.length / 4))) { best = c; bestD = d; }
  }
  return best;
}

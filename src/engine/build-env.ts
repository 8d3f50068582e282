import type { Arg, Instruction } from 'dockerfile-ast';
import { inlineEnv } from './commands';
import { mountCovers, type Mount } from './mounts';
import type { DockerfileModel, Stage } from './model';
import { hasFlag, optionValue, type Command, type Word } from './shell';

/** Where a build-time variable got its value. */
export interface BuildVar {
  value: string;
  /** The ENV or ARG instruction that set it, or null when set in front of the command. */
  instruction: Instruction | null;
  /** The assignment word in front of the command, when set there. */
  word: Word | null;
}

/**
 * The value a `RUN` command sees for an environment variable: in front of the command
 * (`X=1 cmd`, `env X=1 cmd`), else `ENV` in the stage or its parents (ENV wins over ARG, as in
 * BuildKit), else an `ARG` with a default declared earlier in the same stage (an ARG is in the
 * environment of every later `RUN` of its stage). A value given only with `--build-arg` is unknown.
 */
export function buildVar(model: DockerfileModel, stage: Stage, name: string, before: Instruction, cmd?: Command): BuildVar | null {
  if (cmd) {
    const word = cmd.env.find((w) => w.value.startsWith(`${name}=`));
    if (word) return { value: inlineEnv(cmd, name) ?? '', instruction: null, word };
  }
  const env = model.envValue(stage, name, before);
  if (env) return { value: model.resolveInStage(env.value, env.stage, env.instruction), instruction: env.instruction, word: null };
  let found: BuildVar | null = null;
  for (const instr of stage.instructions) {
    if (!model.isBefore(instr, before)) break;
    if (instr.getKeyword() !== 'ARG') continue;
    for (const p of (instr as Arg).getProperties()) {
      if (p.getName() !== name) continue;
      const value = p.getValue() ?? model.globalArgs.get(name) ?? null;
      found = value === null ? null : { value, instruction: instr, word: null };
    }
  }
  return found;
}

const TRUTHY = /^(1|t|true|y|yes|on)$/i;

/** Whether a boolean variable reads as "on" (uv, Poetry and clap's boolish values). */
export function isOn(v: BuildVar | null): boolean {
  return !!v && TRUTHY.test(v.value.trim());
}

function joinPath(dir: string, sub: string): string {
  return `${dir.replace(/\/+$/, '')}/${sub}`;
}

/**
 * The directories a pip (`tool: 'pip'`) or uv command uses as its cache: `--cache-dir`, else
 * `PIP_CACHE_DIR`/`UV_CACHE_DIR`, else `$XDG_CACHE_HOME/<tool>`, else `~/.cache/<tool>` (root's
 * home; `mountCovers` also accepts another user's home). Empty and unexpanded values are dropped.
 */
export function cacheDirs(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command, tool: 'pip' | 'uv'): string[] {
  const flag = optionValue(cmd.args, ['--cache-dir'])?.value;
  const variable = buildVar(model, stage, tool === 'pip' ? 'PIP_CACHE_DIR' : 'UV_CACHE_DIR', run, cmd)?.value;
  const xdg = buildVar(model, stage, 'XDG_CACHE_HOME', run, cmd)?.value;
  const dir = flag || variable || (xdg ? joinPath(xdg, tool) : '') || `/root/.cache/${tool}`;
  return /^\/[^$]*[^/$]/.test(dir) ? [dir] : [`/root/.cache/${tool}`];
}

/** The cache mount of the `RUN` on the command's cache directory, or null. */
export function cacheMountFor(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command, tool: 'pip' | 'uv', mounts: readonly Mount[]): Mount | null {
  return mountCovers(mounts.filter((m) => m.type === 'cache'), cacheDirs(model, stage, run, cmd, tool));
}

/** What turns uv's cache off for a command: `--no-cache`/`-n`/`--no-cache-dir`, or `UV_NO_CACHE` (inline, ENV or ARG). */
export function uvCacheOff(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command): { flag: Word } | { variable: BuildVar } | null {
  const flag = hasFlag(cmd.args, ['--no-cache', '--no-cache-dir', '-n']);
  if (flag) return { flag };
  const v = buildVar(model, stage, 'UV_NO_CACHE', run, cmd);
  return v && isOn(v) ? { variable: v } : null;
}

/** What turns pip's cache off: `--no-cache-dir` (or its prefix `--no-cache`), or any non-empty `PIP_NO_CACHE_DIR`. */
export function pipCacheOff(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command): { flag: Word } | { variable: BuildVar } | null {
  const flag = hasFlag(cmd.args, ['--no-cache-dir', '--no-cache']);
  if (flag) return { flag };
  // pip reads any value of PIP_NO_CACHE_DIR as "no cache" (even `false`, a known quirk).
  const v = buildVar(model, stage, 'PIP_NO_CACHE_DIR', run, cmd);
  return v && v.value.trim() !== '' ? { variable: v } : null;
}

/**
 * Whether a command after `cmds[index]` in the same `RUN` deletes the cache directory `dir`:
 * `rm -rf <dir or a parent>` (`~` and `$HOME` read as `/root`), `uv cache clean` for uv's cache,
 * `pip cache purge` for pip's.
 */
export function cacheRemovedLater(cmds: readonly Command[], index: number, dir: string, tool: 'pip' | 'uv'): boolean {
  const target = dir.replace(/\/+$/, '');
  for (const c of cmds.slice(index + 1)) {
    if (c.joinedBy === '||') continue;
    const words = c.args.map((a) => a.value);
    if (tool === 'uv' && c.name === 'uv' && words[0] === 'cache' && words[1] === 'clean' && words.length === 2) return true;
    if (tool === 'pip' && /^pip/.test(c.name) && words[0] === 'cache' && words[1] === 'purge') return true;
    if (c.name !== 'rm' || !words.some((w) => /^-[a-zA-Z]*[rR]/.test(w) || w === '--recursive')) continue;
    for (const w of words) {
      if (w.startsWith('-')) continue;
      const p = w.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, '/root').replace(/\/\*?$/, '').replace(/\/+$/, '');
      if (p && (target === p || target.startsWith(`${p}/`))) return true;
    }
  }
  return false;
}

import type { Arg, Instruction, Run } from 'dockerfile-ast';
import { inlineEnv, throughRunner } from './commands';
import { mountCovers, normalizePath, type Mount } from './mounts';
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
 * (`X=1 cmd`, `env X=1 cmd`), else an `export X=1` earlier in the same `RUN` (when the RUN's
 * commands are given), else `ENV` in the stage or its parents (ENV wins over ARG, as in
 * BuildKit), else an `ARG` with a default declared earlier in the same stage (an ARG is in the
 * environment of every later `RUN` of its stage). A value given only with `--build-arg` is unknown.
 */
export function buildVar(model: DockerfileModel, stage: Stage, name: string, before: Instruction, cmd?: Command, cmds?: readonly Command[]): BuildVar | null {
  if (cmd) {
    const word = cmd.env.find((w) => w.value.startsWith(`${name}=`));
    if (word) return { value: inlineEnv(cmd, name) ?? '', instruction: null, word };
    const exported = cmds ? exportedBefore(cmds, cmd, name) : null;
    if (exported) return { value: exported.value.slice(name.length + 1), instruction: null, word: exported };
  }
  const env = model.envValue(stage, name, before);
  if (env) return { value: model.resolveInStage(env.value, env.stage, env.instruction), instruction: env.instruction, word: null };
  // The last ARG of that name before `before` in the stage, from an index built once per stage.
  const list = stageArgs(model, stage).get(name);
  if (!list) return null;
  const at = model.offsets(before.getRange()).start;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < at) lo = mid + 1; else hi = mid;
  }
  const last = lo > 0 ? list[lo - 1]! : null;
  if (!last) return null;
  const value = last.value ?? model.globalArgs.get(name) ?? null;
  return value === null ? null : { value, instruction: last.instruction, word: null };
}

/**
 * A command's options as the shell splits them: words written through a variable (`uv sync $UV_ARGS`,
 * `poetry install $POETRY_ARGS`) take the `ARG`/`ENV` value in effect at `instr`, as words without
 * offsets, after the literal ones. Null when a value is not known: it may hold any option.
 */
export function resolvedWords(model: DockerfileModel, stage: Stage, instr: Instruction, args: readonly Word[]): Word[] | null {
  const dynamic = args.filter((a) => a.value.includes('$')).map((a) => model.resolveInStage(a.value, stage, instr));
  if (dynamic.some((v) => v.includes('$'))) return null;
  return [
    ...args.filter((a) => !a.value.includes('$')),
    ...dynamic.flatMap((v) => v.split(/\s+/).filter(Boolean).map((value) => ({ value, raw: value, start: 0, end: 0 }))),
  ];
}

/** The stage's ARG declarations by name, in text order. */
function stageArgs(model: DockerfileModel, stage: Stage): Map<string, Array<{ start: number; value: string | null; instruction: Instruction }>> {
  let byName = argIndexes.get(stage);
  if (byName) return byName;
  byName = new Map();
  for (const instr of stage.instructions) {
    if (instr.getKeyword() !== 'ARG') continue;
    const start = model.offsets(instr.getRange()).start;
    for (const p of (instr as Arg).getProperties()) {
      const name = p.getName();
      (byName.get(name) ?? byName.set(name, []).get(name)!).push({ start, value: p.getValue(), instruction: instr });
    }
  }
  argIndexes.set(stage, byName);
  return byName;
}
const argIndexes = new WeakMap<Stage, Map<string, Array<{ start: number; value: string | null; instruction: Instruction }>>>();

/**
 * Per list of commands (one RUN), computed once: each command's index and the `export NAME=…`
 * words by name, so a lookup per command stays cheap in a RUN of thousands of commands.
 */
interface CommandIndex { index: Map<Command, number>; exports: Map<string, Array<{ at: number; word: Word }>> }
const commandIndexes = new WeakMap<readonly Command[], CommandIndex>();
function commandIndex(cmds: readonly Command[]): CommandIndex {
  let ix = commandIndexes.get(cmds);
  if (ix) return ix;
  ix = { index: new Map(), exports: new Map() };
  for (let k = 0; k < cmds.length; k++) {
    const c = cmds[k]!;
    ix.index.set(c, k);
    if (c.name !== 'export') continue;
    for (const word of c.args) {
      const eq = word.value.indexOf('=');
      if (eq <= 0) continue;
      const name = word.value.slice(0, eq);
      (ix.exports.get(name) ?? ix.exports.set(name, []).get(name)!).push({ at: k, word });
    }
  }
  commandIndexes.set(cmds, ix);
  return ix;
}

/** The last `export NAME=…` word before `cmd` in its RUN (a plain `NAME=…` sets a shell variable, not the environment). */
function exportedBefore(cmds: readonly Command[], cmd: Command, name: string): Word | null {
  const ix = commandIndex(cmds);
  const list = ix.exports.get(name);
  const at = ix.index.get(cmd);
  if (!list || at === undefined) return null;
  let found: Word | null = null;
  for (const e of list) {
    if (e.at >= at) break;
    found = e.word;
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
 * Base images whose own last `USER` is not root, so their `RUN`s run unprivileged until a `USER`
 * says otherwise: micromamba (mambauser), Apache Airflow (airflow), Apache Spark (spark), the Jupyter Docker Stacks
 * (jovyan), the Red Hat / Software Collections Python images (1001, `HOME=/opt/app-root/src`).
 */
const BASE_USERS: Array<{ path: RegExp; user: string; uid: string; home: string }> = [
  { path: /^(mambaorg|mamba-org)\/micromamba$/, user: 'mambauser', uid: '57439', home: '/home/mambauser' },
  { path: /^apache\/airflow$/, user: 'airflow', uid: '50000', home: '/home/airflow' },
  // apache/spark-docker: `useradd --system --uid=185 spark` (no home is created) and `USER spark` last.
  { path: /^apache\/spark$/, user: 'spark', uid: '185', home: '/home/spark' },
  // The older apache/spark-py images end with `USER ${spark_uid}` (185) and no user of that name.
  { path: /^apache\/spark-py$/, user: '185', uid: '185', home: '/opt/spark/work-dir' },
  // rayproject/ray: `useradd -ms /bin/bash -d /home/ray ray --uid 1000` and `USER $RAY_UID` last.
  { path: /^rayproject\/ray(-ml)?$/, user: 'ray', uid: '1000', home: '/home/ray' },
  { path: /^(jupyterhub\/singleuser|jupyter\/([a-z0-9-]+-notebook|docker-stacks-foundation))$/, user: 'jovyan', uid: '1000', home: '/home/jovyan' },
  { path: /^(ubi\d+|rhel\d+|rhscl|sclorg)\/python-\d+[a-z0-9.-]*$/, user: '1001', uid: '1001', home: '/opt/app-root/src' },
];

/** The user a `RUN` runs as: the last `USER` before it (in the stage or its parents), else the base image's own user when known. */
export function buildUser(model: DockerfileModel, stage: Stage, run: Instruction): string | null {
  return model.userBefore(stage, run) ?? baseUser(model, stage)?.user ?? null;
}

/** The user a known base image (`BASE_USERS`) runs as, with its UID and home; null for other images. */
export function baseUser(model: DockerfileModel, stage: Stage): { user: string; uid: string; home: string } | null {
  const path = model.baseImage(stage)?.path.toLowerCase();
  return path ? BASE_USERS.find((b) => b.path.test(path)) ?? null : null;
}

/**
 * The home directory of the user a `RUN` runs as: `HOME` when set, `/root` for root,
 * `/home/<name>` (the default of `useradd` and `adduser`) for a user given by name, null for a
 * bare uid whose home is not known.
 */
export function runHome(model: DockerfileModel, stage: Stage, run: Instruction, cmd?: Command, cmds?: readonly Command[]): string | null {
  const home = buildVar(model, stage, 'HOME', run, cmd, cmds)?.value.trim();
  if (home && /^\/[^$]*$/.test(home)) return home.replace(/\/+$/, '') || '/';
  const user = model.userBefore(stage, run);
  if (!user) return baseUser(model, stage)?.home ?? '/root';
  if (ROOT_USER.test(user)) return '/root';
  const name = user.split(':')[0]!;
  return /^\d+$/.test(name) || name.includes('$') ? null : `/home/${name}`;
}

/**
 * The directories a pip (`tool: 'pip'`) or uv command uses as its cache: `--cache-dir`, else
 * `PIP_CACHE_DIR`/`UV_CACHE_DIR`, else `$XDG_CACHE_HOME/<tool>`, else `~/.cache/<tool>` in the
 * home of the user the `RUN` runs as (`runHome`), followed by root's (`mountCovers` also accepts
 * another user's home). Empty and unexpanded values are dropped.
 */
export function cacheDirs(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command, tool: 'pip' | 'uv', cmds?: readonly Command[]): string[] {
  // The options of the program a project runner starts (`conda run -n env pip …`), not the runner's.
  const flag = optionValue(throughRunner(cmd).args, ['--cache-dir'])?.value;
  const variable = buildVar(model, stage, tool === 'pip' ? 'PIP_CACHE_DIR' : 'UV_CACHE_DIR', run, cmd, cmds)?.value;
  const xdg = buildVar(model, stage, 'XDG_CACHE_HOME', run, cmd, cmds)?.value;
  const rootDir = `/root/.cache/${tool}`;
  const dir = flag || variable || (xdg ? joinPath(xdg, tool) : '');
  if (dir) return /^\/[^$]*[^/$]/.test(dir) ? [dir] : [rootDir];
  const home = runHome(model, stage, run, cmd, cmds);
  const homeDir = home ? joinPath(home, `.cache/${tool}`) : rootDir;
  return homeDir === rootDir ? [rootDir] : [homeDir, rootDir];
}

/**
 * The `RUN`'s mounts with variables in their targets expanded as BuildKit does (dockerfile 1.3+,
 * with the ARG and ENV values in effect: `target=$PIP_CACHE_DIR`). A target whose value is not
 * known here stays as written. Computed once per RUN and stage.
 */
export function expandedMounts(model: DockerfileModel, stage: Stage, run: Run): Mount[] {
  let byStage = expanded.get(run);
  if (!byStage) expanded.set(run, byStage = new Map());
  let list = byStage.get(stage);
  if (!list) {
    list = model.mounts(run).map((m) => {
      if (!m.target?.includes('$')) return m;
      const target = model.resolveInStage(m.target, stage, run);
      return target.includes('$') ? m : { ...m, target };
    });
    byStage.set(stage, list);
  }
  return list;
}
const expanded = new WeakMap<Run, Map<Stage, Mount[]>>();

/**
 * The cache mount of the `RUN` on the command's cache directory, or null. Only an absolute target
 * is on it: BuildKit mounts a relative one (`target=~/.cache/pip`, whose `~` it does not expand)
 * under the working directory, where the tool does not look (cache-mount-relative-target says so).
 */
export function cacheMountFor(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command, tool: 'pip' | 'uv', mounts: readonly Mount[], cmds?: readonly Command[]): Mount | null {
  return mountCovers(mounts.filter((m) => m.type === 'cache' && m.target?.startsWith('/')), cacheDirs(model, stage, run, cmd, tool, cmds));
}

/** What turns uv's cache off for a command: `--no-cache`/`-n`/`--no-cache-dir`, or `UV_NO_CACHE` (inline, ENV or ARG). */
export function uvCacheOff(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command, cmds?: readonly Command[]): { flag: Word } | { variable: BuildVar } | null {
  const flag = hasFlag(throughRunner(cmd).args, ['--no-cache', '--no-cache-dir', '-n']);
  if (flag) return { flag };
  const v = buildVar(model, stage, 'UV_NO_CACHE', run, cmd, cmds);
  return v && isOn(v) ? { variable: v } : null;
}

/** What turns pip's cache off: `--no-cache-dir` (or its prefix `--no-cache`), or any non-empty `PIP_NO_CACHE_DIR`. */
export function pipCacheOff(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command, cmds?: readonly Command[]): { flag: Word } | { variable: BuildVar } | null {
  const flag = hasFlag(throughRunner(cmd).args, ['--no-cache-dir', '--no-cache']);
  if (flag) return { flag };
  // pip reads any value of PIP_NO_CACHE_DIR as "no cache" (even `false`, a known quirk).
  const v = buildVar(model, stage, 'PIP_NO_CACHE_DIR', run, cmd, cmds);
  return v && v.value.trim() !== '' ? { variable: v } : null;
}

/**
 * Whether a command after `cmds[index]` in the same `RUN` deletes the cache directory `dir`:
 * `rm -rf <dir or a parent>` (`~` and `$HOME` read as `/root`), `uv cache clean [--force]` for uv's cache,
 * `pip cache purge` for pip's, `rm -rf "$(pip cache dir)"`. The last such command is found once per RUN and directory.
 */
export function cacheRemovedLater(cmds: readonly Command[], index: number, dir: string, tool: 'pip' | 'uv'): boolean {
  let byDir = lastRemovals.get(cmds);
  if (!byDir) lastRemovals.set(cmds, byDir = new Map());
  const key = `${tool} ${dir}`;
  let last = byDir.get(key);
  if (last === undefined) {
    last = -1;
    const target = dir.replace(/\/+$/, '');
    for (let k = cmds.length - 1; k >= 0; k--) {
      if (removesCache(cmds[k]!, target, tool)) { last = k; break; }
    }
    byDir.set(key, last);
  }
  return last > index;
}
const lastRemovals = new WeakMap<readonly Command[], Map<string, number>>();

/** `$(pip cache dir)`, `` `uv cache dir` `` (optionally followed by `/` or `/*`): the tool's own cache directory, whatever it is. */
const CACHE_DIR_OUTPUT = {
  pip: /^(\$\(|`)\s*(\S*\/)?(pip[\d.]*|python[\d.]*\s+-m\s*pip)\s+cache\s+dir\s*(\)|`)\/?\*?$/,
  uv: /^(\$\(|`)\s*(\S*\/)?uv\s+cache\s+dir\s*(\)|`)\/?\*?$/,
};

function removesCache(c: Command, target: string, tool: 'pip' | 'uv'): boolean {
  if (c.joinedBy === '||') return false;
  const words = c.args.map((a) => a.value);
  // `uv cache clean`, its alias `uv cache clear`, the hidden `uv clean` of old releases; `--force` and other
  // options allowed, but not package names (`uv cache clean numpy` removes only those entries).
  if (tool === 'uv' && c.name === 'uv') {
    const rest = words[0] === 'clean' ? words.slice(1) : words[0] === 'cache' && (words[1] === 'clean' || words[1] === 'clear') ? words.slice(2) : null;
    if (rest && rest.every((w) => w.startsWith('-'))) return true;
  }
  if (tool === 'pip' && /^pip/.test(c.name) && words[0] === 'cache' && words[1] === 'purge') return true;
  if (c.name !== 'rm' || !words.some((w) => /^-[a-zA-Z]*[rR]/.test(w) || w === '--recursive')) return false;
  for (const w of words) {
    if (w.startsWith('-')) continue;
    // `rm -rf "$(pip cache dir)"`: the directory the tool itself reports.
    if (CACHE_DIR_OUTPUT[tool].test(w.trim())) return true;
    const p = w.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, '/root').replace(/\/\*?$/, '').replace(/\/+$/, '');
    if (p && (target === p || target.startsWith(`${p}/`))) return true;
  }
  return false;
}

const ROOT_USER = /^(root|0)(:.*)?$/;

/**
 * The user a `RUN` runs as when the cache mount is in another user's home: on root's home
 * (`--mount=type=cache,target=/root/.cache/pip` under `USER app`), or on `/home/<name>/…` while
 * the `RUN` runs as root with its home in `/root` (`root` then). The tool caches in the home of the
 * user it runs as and the mount catches nothing. Null otherwise, and when `dirs` (the tool's cache
 * directories) or a cache variable put the cache on the mount, or the command runs through
 * `gosu`/`su-exec`/`sudo`.
 */
export function mountInOtherHome(model: DockerfileModel, stage: Stage, run: Instruction, mount: Mount, dirs?: readonly string[], cmd?: Command): string | null {
  const target = normalizePath(mount.target ?? '');
  const user = buildUser(model, stage, run);
  if (/^\/root(\/|$)/.test(target)) return user && !ROOT_USER.test(user) ? user : null;
  // `target=/home/app/.cache/uv` on a `RUN` that runs as root with its home in `/root`: the tool caches
  // in `/root/.cache`, unless the cache directory was moved there (`--cache-dir`, `UV_CACHE_DIR`, …).
  if (!/^\/home\/[^/]+\//.test(target) || (user && !ROOT_USER.test(user))) return null;
  // `gosu app uv sync`, `sudo -u app pip install`: the command itself runs as that user.
  if (cmd?.wrappers.some((w) => w === 'gosu' || w === 'su-exec' || w === 'sudo')) return null;
  if (runHome(model, stage, run) !== '/root' || dirs?.some((d) => normalizePath(d) === target)) return null;
  if (['PIP_CACHE_DIR', 'UV_CACHE_DIR', 'XDG_CACHE_HOME'].some((v) => buildVar(model, stage, v, run)?.value)) return null;
  return user ?? 'root';
}

/**
 * For a cache message: the user a `RUN` runs as when that is not root, where the command's cache
 * is (`~/.cache/<tool>` when the home is not known) and the mount to suggest (a cache mount is
 * owned by root unless `uid=` says otherwise). Null when the `RUN` runs as root.
 */
export function nonRootUser(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command, cmds: readonly Command[] | undefined, dir: string, tool: 'pip' | 'uv'): { runAs: string; where: string; target: string; uid: string } | null {
  const user = buildUser(model, stage, run);
  if (!user || ROOT_USER.test(user)) return null;
  const name = user.split(':')[0]!;
  const known = dir !== `/root/.cache/${tool}` || runHome(model, stage, run, cmd, cmds) === '/root';
  return {
    runAs: user,
    where: known ? dir : `~/.cache/${tool}`,
    target: known ? dir : `<home of ${name}>/.cache/${tool}`,
    uid: /^\d+$/.test(name) ? name : baseUser(model, stage)?.user === name ? baseUser(model, stage)!.uid : `<uid of ${name}>`,
  };
}

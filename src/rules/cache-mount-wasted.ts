import type { Arg, Env, Instruction } from 'dockerfile-ast';
import { cacheDirs, cacheMountFor, expandedMounts, mountInOtherHome, nonRootUser, pipCacheOff, uvCacheOff } from '~/engine/build-env';
import { pipCall, pipInstall, pythonModule, throughRunner, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import { normalizePath, type Mount } from '~/engine/mounts';
import type { Command } from '~/engine/shell';

/** The line (1-based) where an ENV or ARG sets `name`: that of the property in a multi-line instruction. */
function setOnLine(instr: Instruction | null, name: string): number {
  if (!instr) return 0;
  const props = instr.getKeyword() === 'ENV' || instr.getKeyword() === 'ARG' ? (instr as Env | Arg).getProperties() : [];
  const prop = props.filter((p) => p.getName() === name).at(-1);
  return (prop ?? instr).getRange().start.line + 1;
}

/** Tools that keep caches of their own under a home directory (`~/.cache/pypoetry`, `~/.cache/huggingface`, …). */
/** The values Python's strtobool reads as false: pip accepts them for PIP_NO_CACHE_DIR and turns the cache off anyway. */
const FALSE = /^(n|no|f|false|off|0)$/i;

const OTHER_CACHE_USERS = new Set([
  'poetry', 'pdm', 'pipenv', 'hatch', 'pipx', 'uvx', 'pre-commit', 'huggingface-cli', 'hf', 'playwright',
  'yarn', 'npm', 'npx', 'pnpm', 'bun', 'go', 'cargo',
]);
/** Python modules that download nothing into a cache. */
const QUIET_MODULES = new Set(['venv', 'virtualenv', 'ensurepip', 'compileall', 'py_compile', 'pip']);

/** The part of a path below a home directory (`/root/.cache` → `/.cache`), else the path. */
function inHome(p: string): string {
  return normalizePath(p).replace(/^(\/root|\/home\/[^/]+)(?=\/|$)/, '~');
}

/**
 * Whether the mount is on the tool's cache directory itself (or inside it), not on a directory
 * above it (`/root/.cache`, `/root`) that other tools keep their caches in too.
 */
function onToolCache(model: DockerfileModel, stage: Stage, run: Instruction, cmd: Command, tool: 'pip' | 'uv', mount: Mount): boolean {
  const target = inHome(mount.target ?? '');
  return cacheDirs(model, stage, run, cmd, tool, model.commands(run)).some((d) => {
    const dir = inHome(d);
    return target === dir || target.startsWith(`${dir}/`);
  });
}

/** Whether a command may fill a cache under a home directory other than pip's and uv's install caches judged here. */
function usesOtherCache(model: DockerfileModel, stage: Stage, run: Instruction, command: Command): boolean {
  const cmd = throughRunner(command);
  if (OTHER_CACHE_USERS.has(cmd.name)) return true;
  const pip = pipCall(cmd);
  if (pip) return /^(install|wheel|download)$/.test(pip.subcommand?.value ?? '') && !pipCacheOff(model, stage, run, cmd);
  if (cmd.name === 'uv') return !uvCacheOff(model, stage, run, cmd) && cmd.args.some((a) => /^(sync|add|run|lock|export|install|compile|build|tool)$/.test(a.value));
  // A script or `python -c …` may download models or data (`~/.cache/huggingface`, `~/.cache/torch`).
  if (/^(python|pypy)(\d+(\.\d+)?)?$/.test(cmd.name)) {
    const module = pythonModule(cmd.args);
    return !module || !QUIET_MODULES.has(module.name);
  }
  return false;
}

export default defineRule({
  name: 'cache-mount-wasted',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow turning off the pip or uv cache in a `RUN` that mounts a cache for it',
    category: 'cache',
    scope: 'all-stages',
    fixable: 'safe',
    messages: {
      wasted: '`{{flag}}` disables the cache that the `--mount=type=cache` on `{{target}}` provides, so the mount stays empty and every build downloads everything again. Remove `{{flag}}`.',
      wastedByEnv: '`{{variable}}` (set on line {{line}}) disables {{tool}}\'s cache, so this cache mount on `{{target}}` stays empty and every build downloads everything again. Remove `{{variable}}` and keep the mount; turn the cache off per command where there is no mount.',
      wastedByFalseEnv: '`PIP_NO_CACHE_DIR={{value}}` (set on line {{line}}) still disables pip\'s cache: pip turns the cache off for any value of the variable, even `off`, `false` or `0`. This cache mount on `{{target}}` stays empty and every build downloads everything again. Remove `PIP_NO_CACHE_DIR` and keep the mount.',
      rootOwned: 'This `RUN` runs as `{{user}}`, but the cache mount on `{{target}}` has no `uid=`, so it belongs to root and pip cannot write to it: pip turns its cache off (with a warning) and every build downloads everything again. Add `uid={{uid}}` to the mount.',
      wastedFalse: '`PIP_NO_CACHE_DIR={{value}}` still disables pip\'s cache (pip turns it off for any value of the variable, even `off`, `false` or `0`), so the `--mount=type=cache` on `{{target}}` stays empty and every build downloads everything again. Remove `PIP_NO_CACHE_DIR={{value}}`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const mounts = expandedMounts(model, stage, run);
        if (!mounts.some((m) => m.type === 'cache')) return;
        const reported = new Set<Mount>();
        const cmds = model.commands(run);
        // A pip that runs as another user than root, with a cache mount on its own cache that root
        // owns (no `uid=`, no `mode=`): pip finds the directory not writable and turns the cache off.
        for (const cmd of cmds) {
          if (pipInstall(cmd)?.tool !== 'pip' || pipCacheOff(model, stage, run, cmd)) continue;
          const mount = cacheMountFor(model, stage, run, cmd, 'pip', mounts, cmds);
          if (!mount || reported.has(mount) || mountInOtherHome(model, stage, run, mount)) continue;
          if (mount.options.uid !== undefined && mount.options.uid !== '0' || mount.options.mode !== undefined) continue;
          const dir = cacheDirs(model, stage, run, cmd, 'pip', cmds)[0]!;
          const who = nonRootUser(model, stage, run, cmd, cmds, dir, 'pip');
          if (!who) continue;
          reported.add(mount);
          context.report({ messageId: 'rootOwned', data: { user: who.runAs, target: mount.target ?? '', uid: who.uid }, range: mount.targetRange ?? mount.range });
        }
        const uses: Array<{ tool: 'pip' | 'uv'; mount: Mount; off: ReturnType<typeof pipCacheOff>; cmd: Command }> = [];
        for (const cmd of cmds) {
          const pip = pipInstall(cmd);
          const tool = pip?.tool === 'pip' ? 'pip' : uvInstall(cmd) || pip?.tool === 'uv' ? 'uv' : null;
          if (!tool) continue;
          // The cache directory as pip-no-cache-dir and uv-no-cache see it (`export PIP_CACHE_DIR=…` counts).
          const mount = cacheMountFor(model, stage, run, cmd, tool, mounts, cmds);
          // A mount on root's home while the RUN runs as another user catches nothing either way
          // (pip-no-cache-dir and uv-no-cache say so): turning the cache off wastes nothing.
          if (!mount || mountInOtherHome(model, stage, run, mount)) continue;
          uses.push({ tool, mount, cmd, off: tool === 'pip' ? pipCacheOff(model, stage, run, cmd) : uvCacheOff(model, stage, run, cmd) });
        }
        // Another command of the RUN fills the mount (`pip install --no-cache-dir -U pip && pip install -r …`):
        // the mount is not wasted, one command just skips it.
        const filled = new Set(uses.filter((u) => !u.off).map((u) => `${u.tool} ${mounts.indexOf(u.mount)}`));
        for (const { tool, mount, off, cmd } of uses) {
          if (!off || filled.has(`${tool} ${mounts.indexOf(mount)}`)) continue;
          // A mount above the tool's cache (`target=/root/.cache`) also holds the caches of other
          // tools: stay quiet when another command of the RUN may fill it (`poetry install`, `uv sync`).
          if (!onToolCache(model, stage, run, cmd, tool, mount) && cmds.some((c) => c !== cmd && usesOtherCache(model, stage, run, c))) continue;
          const target = mount.target ?? '';
          const word = 'flag' in off ? off.flag : off.variable.word;
          // PIP_NO_CACHE_DIR=off (or false, 0, no) reads as "keep the cache" but turns it off all the same:
          // say so, or the message looks false to whoever wrote it.
          const falseValue = tool === 'pip' && 'variable' in off && FALSE.test(off.variable.value.trim()) ? off.variable.value.trim() : null;
          if (word) {
            // Remove the word with its separator: the JSON comma before it, else the blanks after it.
            let start = word.start;
            let end = word.end;
            if (word.raw.startsWith('"')) start = context.text.lastIndexOf(',', word.start);
            else while (context.text[end] === ' ' || context.text[end] === '\t') end++;
            // A word glued to a redirection (`--no-cache-dir<<EOF`) keeps no fix: removing it
            // would turn `<<EOF` into a heredoc marker and swallow the following lines.
            const glued = context.text[word.end] === '<';
            context.report({
              ...(falseValue === null ? { messageId: 'wasted', data: { flag: word.value.split('=')[0]!, target } } : { messageId: 'wastedFalse', data: { value: falseValue, target } }),
              range: { start: word.start, end: word.end },
              ...(glued ? {} : { fix: { title: `Remove \`${word.value}\``, edits: [{ start, end, text: '' }] } }),
            });
            continue;
          }
          // Set by ENV or ARG: other commands may rely on it, so point at the mount and offer no fix.
          if (!('variable' in off) || reported.has(mount)) continue;
          reported.add(mount);
          const variable = tool === 'pip' ? 'PIP_NO_CACHE_DIR' : 'UV_NO_CACHE';
          const line = setOnLine(off.variable.instruction, variable);
          context.report({
            ...(falseValue === null ? { messageId: 'wastedByEnv', data: { variable, tool, target, line } } : { messageId: 'wastedByFalseEnv', data: { value: falseValue, target, line } }),
            range: mount.targetRange ?? mount.range,
          });
        }
      },
    };
  },
});

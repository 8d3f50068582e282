import type { Instruction } from 'dockerfile-ast';
import { appendEdit, runAppendPoint } from '~/engine/append';
import { inlineEnv } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import { mountCovers, normalizePath, type Mount } from '~/engine/mounts';
import { optionValue, type Command, type Word } from '~/engine/shell';

/** Yarn options that take the next word as their value. */
const WITH_VALUE = new Set([
  '--cwd', '--cache-folder', '--modules-folder', '--network-timeout', '--mutex', '--registry', '--global-folder',
  '--link-folder', '--use-yarnrc', '--network-concurrency', '--child-concurrency', '--otp', '--preferred-cache-folder',
  '--mode',
]);
/** Flags only Yarn 2+ ("berry") knows. */
const BERRY_FLAGS = /^--(immutable|immutable-cache|check-cache|refresh-lockfile|inline-builds|mode)(=|$)/;

/** Where Yarn 1 keeps its cache: `/usr/local/share/.cache/yarn` for root, `~/.cache/yarn` otherwise. */
const CLASSIC_DIRS = ['/usr/local/share/.cache/yarn', '/root/.cache/yarn'];
/** Yarn 2+: the global folder and its cache (used by default since Yarn 4); project caches (`.yarn/cache`) are matched by projectCacheMount. */
const BERRY_DIRS = ['/root/.yarn/berry/cache', '/root/.yarn/berry'];

interface YarnInstall {
  /** Words from the program to the subcommand, for the range and the message. */
  first: Word;
  last: Word;
  text: string;
  args: Word[];
  berry: boolean;
  command: Command;
}

/** `yarn`, `yarn install`, `yarn add`, `yarn global add`, `yarn workspaces focus`, also through `corepack yarn`. */
function yarnInstall(cmd: Command): YarnInstall | null {
  let args = cmd.args;
  if (cmd.name === 'corepack' && (args[0]?.value === 'yarn' || args[0]?.value === 'yarnpkg')) {
    args = args.slice(1);
  } else if (cmd.name !== 'yarn' && cmd.name !== 'yarnpkg') {
    return null;
  }
  const positional: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v.startsWith('-')) {
      if (/^(-v|--version|-h|--help)$/.test(v)) return null;
      if (WITH_VALUE.has(v)) i++;
      continue;
    }
    positional.push(args[i]!);
    if (positional.length === 2) break;
  }
  const [sub, action] = positional;
  // The word naming yarn: the program, or `yarn` after `corepack`.
  const head = cmd.name === 'corepack' ? cmd.args[0]! : cmd.program;
  const name = cmd.name === 'corepack' ? `corepack ${head.value}` : cmd.name;
  let berry = args.some((a) => BERRY_FLAGS.test(a.value));
  let last: Word;
  if (!sub) last = head;
  else if (sub.value === 'install' || sub.value === 'add') last = sub;
  else if ((sub.value === 'global' && action?.value === 'add') || (sub.value === 'workspaces' && action?.value === 'focus')) {
    last = action!;
    if (sub.value === 'workspaces') berry = true;
  } else return null;
  const text = [name, ...(sub ? [sub.value] : []), ...(last !== sub && last !== head ? [last.value] : [])].join(' ');
  return { first: cmd.program, last, text, args, berry, command: cmd };
}

/** Text of the instructions before `instr` in the stage and the stages it is built FROM. */
function textBefore(model: DockerfileModel, stage: Stage, instr: Instruction, keywords: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of model.lineage(stage)) {
    for (const i of s.instructions) {
      if (s === stage && !model.isBefore(i, instr)) break;
      if (!keywords.includes(i.getKeyword())) continue;
      const { start, end } = model.offsets(i.getRange());
      out.push(model.text.slice(start, end));
    }
  }
  return out;
}

/** Signs, before this install, that the project uses Yarn 2 or later. */
function berryBefore(model: DockerfileModel, stage: Stage, instr: Instruction, earlier: readonly Command[], inOnbuild: boolean): boolean {
  for (const c of earlier) {
    const a = c.args.map((w) => w.value);
    if ((c.name === 'yarn' || c.name === 'yarnpkg') && a[0] === 'set' && a[1] === 'version' && a[2] && !/^(classic|1(\.|$))/.test(a[2])) return true;
    if (c.name === 'corepack' && a.some((v) => /^yarn@(?!1(\.|$))/.test(v))) return true;
  }
  if (inOnbuild) return false;
  const texts = textBefore(model, stage, instr, ['RUN', 'COPY', 'ADD', 'ENV']);
  return texts.some((t) => /\byarn\s+set\s+version\s+(?!classic|1(\.|\s|$))\S/.test(t)
    || /\bcorepack\b.*\byarn@(?!1(\.|\s|$))/.test(t)
    || /\byarn\s+policies\s+set-version\s+(berry|stable|[2-9])/.test(t)
    || /^\s*(COPY|ADD)\b.*(\.yarnrc\.yml|\.yarn\/releases)/im.test(t)
    || /\bYARN_(NODE_LINKER|ENABLE_[A-Z_]+|PNP_[A-Z_]+|NM_[A-Z_]+)\b/.test(t));
}

/** Whether the `node-modules` linker is known to be in use (Yarn 2+ then keeps a second copy of each package in its cache). */
function nodeModulesLinker(model: DockerfileModel, stage: Stage, instr: Instruction, cmd: Command, inOnbuild: boolean): boolean {
  if (inlineEnv(cmd, 'YARN_NODE_LINKER') === 'node-modules') return true;
  if (inOnbuild) return false;
  if (model.envValue(stage, 'YARN_NODE_LINKER', instr)?.value === 'node-modules') return true;
  return textBefore(model, stage, instr, ['RUN']).some((t) => /nodeLinker["']?\s*:?\s*["']?node-modules/.test(t));
}

/** The cache directory chosen by `--cache-folder`, `YARN_CACHE_FOLDER` inline or in ENV, resolved where possible. */
function cacheOverrides(model: DockerfileModel, stage: Stage, instr: Instruction, y: YarnInstall, inOnbuild: boolean): string[] {
  const out: string[] = [];
  const flag = optionValue(y.args, ['--cache-folder']);
  if (flag) out.push(flag.value);
  const inline = inlineEnv(y.command, 'YARN_CACHE_FOLDER');
  if (inline) out.push(inline);
  if (!inOnbuild) {
    const env = model.envValue(stage, 'YARN_CACHE_FOLDER', instr);
    if (env?.value) out.push(model.resolveInStage(env.value, stage, instr));
  }
  return out.filter((d) => d.startsWith('/') && !d.includes('$')).map(normalizePath);
}

/** A cache or tmpfs mount on the project's `.yarn/cache` (Yarn 2+). */
function projectCacheMount(mounts: readonly Mount[]): boolean {
  return mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && /\/\.yarn(\/cache)?\/?$/.test(m.target ?? ''));
}

const HOME = /^(~|\$HOME|\$\{HOME\})(?=\/|$)/;

/** `yarn cache clean`, or `rm` of the cache directory (or `$(yarn cache dir)`). */
function cleans(cmd: Command, dirs: readonly string[]): boolean {
  const a = cmd.args.map((w) => w.value);
  if ((cmd.name === 'yarn' || cmd.name === 'yarnpkg') && a.filter((v) => !v.startsWith('-'))[0] === 'cache' && a.includes('clean')) return true;
  if (cmd.name === 'corepack' && a[0]?.startsWith('yarn') && a.includes('cache') && a.includes('clean')) return true;
  if (cmd.name !== 'rm') return false;
  return a.some((v) => {
    if (/yarn\s+cache\s+dir/.test(v)) return true;
    const path = normalizePath(v.replace(HOME, '/root').replace(/\/\*$/, ''));
    if (/(^|\/)\.yarn\/(cache|berry)$/.test(path)) return true;
    if (!path.startsWith('/') || path.split('/').length < 3) return false;
    return dirs.some((d) => d === path || d.startsWith(`${path}/`));
  });
}

export default defineRule({
  name: 'yarn-cache-not-cleaned',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require `yarn cache clean` in the `RUN` that installs with yarn, in the image that ships',
    category: 'size',
    scope: 'final-stage',
    fixable: 'unsafe',
    sources: ['hadolint:DL3060'],
    messages: {
      classic: '`{{command}}` keeps a copy of every downloaded package in yarn\'s cache (`/usr/local/share/.cache/yarn` when building as root), and this `RUN` leaves it in a layer of the final image. Add `&& yarn cache clean` at the end of the same `RUN`, or use a cache mount: `--mount=type=cache,target=/usr/local/share/.cache/yarn`.',
      berry: '`{{command}}` with the `node-modules` linker copies packages out of yarn\'s cache, and this `RUN` leaves the cache (`~/.yarn/berry/cache` or `.yarn/cache`) in a layer of the final image. Add `&& yarn cache clean --all` at the end of the same `RUN`, or use a cache mount on `/root/.yarn/berry/cache`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        if (!context.inOnbuild && !model.ships(stage)) return;
        const cmds = model.commands(run);
        let lastIndex = -1;
        let found: YarnInstall | null = null;
        cmds.forEach((c, i) => {
          const y = yarnInstall(c);
          if (y) { found = y; lastIndex = i; }
        });
        const y = found as YarnInstall | null;
        if (!y) return;
        const berry = y.berry || berryBefore(model, stage, run, cmds.slice(0, lastIndex), context.inOnbuild);
        // Under Plug'n'Play (Yarn 2+'s default linker) the cache holds the installed packages themselves:
        // cleaning it, or keeping it in a cache mount, breaks the application.
        if (berry && !nodeModulesLinker(model, stage, run, y.command, context.inOnbuild)) return;
        const dirs = [...(berry ? BERRY_DIRS : CLASSIC_DIRS), ...cacheOverrides(model, stage, run, y, context.inOnbuild)];
        const mounts = model.mounts(run);
        if (mountCovers(mounts, dirs) || (berry && projectCacheMount(mounts))) return;
        if (cmds.slice(lastIndex + 1).some((c) => cleans(c, dirs))) return;
        const clean = berry ? 'yarn cache clean --all' : 'yarn cache clean';
        const at = runAppendPoint(model, run, cmds);
        context.report({
          messageId: berry ? 'berry' : 'classic',
          data: { command: y.text },
          range: { start: y.first.start, end: y.last.end },
          suggestions: at === null ? [] : [{ title: `Run \`${clean}\` at the end of this RUN`, edits: [appendEdit(model, at, clean)] }],
        });
      },
    };
  },
});

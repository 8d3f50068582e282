import type { Run } from 'dockerfile-ast';
import { buildUser, cacheDirs, runHome } from '~/engine/build-env';
import { pipInstall, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import { normalizePath } from '~/engine/mounts';
import { unquote } from '~/engine/shell';

/** Cache directories of system package managers and of Python tools run as root. */
const KNOWN_CACHES = ['/var/cache/apt', '/var/lib/apt', '/var/cache/apk', '/var/cache/dnf', '/var/cache/yum', '/root/.cache/pip', '/root/.cache/uv', '/root/.cache/pypoetry'];
/** Official images that set no WORKDIR: a `RUN` on them runs in `/`. */
const NO_WORKDIR = /^(python|pypy|debian|ubuntu|alpine)$/;

function join(base: string, rel: string): string {
  const parts: string[] = [];
  for (const p of `${base}/${rel}`.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop(); else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** The working directory of the `RUN`, or null when it depends on a variable or on a base image that may set its own. */
function workdirAt(model: DockerfileModel, stage: Stage, run: Run): string | null {
  const base = model.baseImage(stage);
  let dir: string | null = base && (base.isScratch || NO_WORKDIR.test(base.name)) ? '/' : null;
  for (const s of [...model.lineage(stage)].reverse()) {
    for (const i of s.instructions) {
      if (s === stage && !model.isBefore(i, run)) break;
      if (i.getKeyword() !== 'WORKDIR') continue;
      const value = model.resolveInStage(unquote(i.getArgumentsContent() ?? '').trim(), s, i);
      if (!value) continue;
      if (value.includes('$')) dir = null;
      else if (value.startsWith('/')) dir = join('/', value);
      else if (dir !== null) dir = join(dir, value);
    }
  }
  return dir;
}

export default defineRule({
  name: 'cache-mount-relative-target',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Require cache mount targets to be absolute paths',
    category: 'cache',
    scope: 'all-stages',
    fixable: 'unsafe',
    messages: {
      relative: 'The {{kind}} mount target `{{target}}` is a relative path: it is mounted under the working directory, where no tool looks for its cache. Use the absolute path of the cache, such as `/root/.cache/pip`, `/root/.cache/uv` or `/var/lib/apt`.',
      byChance: 'The {{kind}} mount target `{{target}}` is a relative path: it lands on `{{absolute}}` only because the working directory is `{{workdir}}`, and a `WORKDIR` added before this line moves the cache where no tool looks. Write it as `{{absolute}}`.',
      tilde: 'The {{kind}} mount target `{{target}}` starts with `~`, which BuildKit does not expand: the mount lands in a directory literally named `~` under the working directory. Write the home directory out, such as `{{absolute}}`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        for (const m of model.mounts(run)) {
          const target = m.target;
          // Bind mounts resolve a relative target against WORKDIR on purpose (uv's `target=uv.lock`).
          if (m.type !== 'cache' && m.type !== 'tmpfs') continue;
          if (!target || target.startsWith('/') || target.startsWith('$') || !m.targetRange) continue;
          const range = model.offsets(m.targetRange);
          const kind = m.type;
          if (/^~(\/|$)/.test(target)) {
            // The home of the user the RUN runs as (`/root`, `/home/app` after `USER app`, `HOME`), when known.
            const home = runHome(model, stage, run);
            const user = buildUser(model, stage, run) ?? 'root';
            const absolute = home === '/' ? target.slice(1) || '/' : `${home ?? `<home of ${user.split(':')[0]}>`}${target.slice(1)}`;
            context.report({
              messageId: 'tilde',
              data: { kind, target, absolute },
              range,
              suggestions: home && context.text[range.start] === '~'
                ? [{ title: `Use \`${absolute}\` (${home === '/root' ? 'root' : user}'s home)`, edits: [{ start: range.start, end: range.start + 1, text: home === '/' ? '' : home }] }]
                : [],
            });
            continue;
          }
          // `target=root/.cache/pip` in `/`: BuildKit joins it to the working directory, which
          // happens to give the cache directory of a command of this RUN.
          const workdir = target.includes('$') ? null : workdirAt(model, stage, run);
          const absolute = workdir === null ? null : normalizePath(join(workdir, target));
          if (workdir !== null && absolute && absolute !== '/') {
            const caches = [...KNOWN_CACHES];
            const cmds = model.commands(run);
            for (const cmd of cmds) {
              const tool = pipInstall(cmd)?.tool ?? (uvInstall(cmd) ? 'uv' : null);
              if (tool) caches.push(...cacheDirs(model, stage, run, cmd, tool, cmds));
            }
            if (caches.some((c) => c === absolute || c.startsWith(`${absolute}/`))) {
              context.report({
                messageId: 'byChance',
                data: { kind, target, absolute, workdir },
                range,
                suggestions: context.text.slice(range.start, range.end) === target
                  ? [{ title: `Use \`${absolute}\``, edits: [{ start: range.start, end: range.end, text: absolute }] }]
                  : [],
              });
              continue;
            }
          }
          context.report({ messageId: 'relative', data: { kind, target }, range });
        }
      },
    };
  },
});

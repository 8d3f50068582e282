import type { Instruction } from 'dockerfile-ast';
import { cacheDirs, cacheRemovedLater, expandedMounts, mountInOtherHome, nonRootUser, pipCacheOff } from '~/engine/build-env';
import { pipCall, pipInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import { mountCovers } from '~/engine/mounts';

/** Per stage, computed once: the start offset of its first instruction that turns pip's cache off by configuration, or -1. */
const firstConfigOff = new WeakMap<Stage, number>();

/** Whether the instruction writes pip configuration that turns the cache off. */
function turnsCacheOff(model: DockerfileModel, instr: Instruction): boolean {
  const k = instr.getKeyword();
  if (k !== 'RUN' && k !== 'COPY') return false;
  const text = instr.getTextContent();
  if (!/no[-_]cache[-_]dir/i.test(text)) return false;
  if (/pip\.(conf|ini)\b/.test(text) && /(^|[\s"'\]])no[-_]cache[-_]dir\s*=/im.test(text.replace(/\\n/g, '\n'))) return true;
  if (k !== 'RUN') return false;
  for (const cmd of model.commands(instr)) {
    const call = pipCall(cmd);
    if (call?.subcommand?.value !== 'config') continue;
    const set = call.args.findIndex((a) => a.value === 'set');
    if (set >= 0 && /^(global|install|:env:)\.no-cache-dir$/.test(call.args[set + 1]?.value ?? '')) return true;
  }
  return false;
}

/**
 * Whether an instruction before `run` (in the stage or a parent) turns pip's cache off through its
 * configuration: `pip config set global.no-cache-dir …` (pip reads any value as "off"), or a
 * `pip.conf` written in the Dockerfile (`RUN printf … > /etc/pip.conf`, `COPY <<EOF /etc/pip.conf`)
 * that sets `no-cache-dir`.
 */
function configuredOff(model: DockerfileModel, stage: Stage, run: Instruction): boolean {
  for (const s of model.lineage(stage)) {
    let first = firstConfigOff.get(s);
    if (first === undefined) {
      const found = s.instructions.find((i) => turnsCacheOff(model, i));
      firstConfigOff.set(s, first = found ? model.offsets(found.getRange()).start : -1);
    }
    if (first >= 0 && (s !== stage || first < model.offsets(run.getRange()).start)) return true;
  }
  return false;
}

export default defineRule({
  name: 'pip-no-cache-dir',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require `pip install` to keep its download cache out of the image layer',
    category: 'size',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3042'],
    messages: {
      cacheKept: '`pip install` keeps its cache (downloaded wheels) in `{{dir}}`, in this layer. Use a cache mount on it (`RUN --mount=type=cache,target={{dir}}`) or add `--no-cache-dir`.',
      cacheKeptUser: '`pip install` runs as `{{runAs}}` and keeps its cache (downloaded wheels) in `{{where}}`, in this layer. Use a cache mount that user can write (`RUN --mount=type=cache,target={{target}},uid={{uid}}`) or add `--no-cache-dir`.',
      otherHome: 'This `RUN` runs as `{{user}}`, so pip caches in that user\'s home, not in `{{target}}`: the cache mount catches nothing and the cache stays in this layer. Mount the user\'s cache directory instead (or set `PIP_CACHE_DIR` to the mount), or add `--no-cache-dir`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const mounts = expandedMounts(model, stage, run);
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const call = pipInstall(cmd);
          if (!call || call.tool !== 'pip') return;
          // `--no-cache-dir`, or PIP_NO_CACHE_DIR in front of the command, exported earlier in the RUN, or by ENV or ARG.
          if (pipCacheOff(model, stage, run, cmd, cmds)) return;
          // `… install $PIP_ARGS`: a flag in a variable's value (an ARG default, an ENV) counts too.
          if (call.command.args.some((a) => a.value.includes('$') && /(^|\s)--no-cache(-dir)?(=|\s|$)/.test(model.resolveInStage(a.value, stage, run)))) return;
          // pip's configuration turned the cache off earlier (`pip config set global.no-cache-dir false`, a pip.conf written here).
          if (configuredOff(model, stage, run)) return;
          // The cache directory this pip uses (`--cache-dir`, PIP_CACHE_DIR, XDG_CACHE_HOME, ~/.cache/pip):
          // a cache or tmpfs mount on it, or its removal later in the same RUN, keeps it out of the layer.
          const dirs = cacheDirs(model, stage, run, cmd, 'pip', cmds);
          const dir = dirs[0]!;
          const mount = mountCovers(mounts.filter((m) => m.type === 'cache' || m.type === 'tmpfs'), dirs);
          const user = mount && mountInOtherHome(model, stage, run, mount, dirs, cmd);
          if (mount && !user) return;
          if (dirs.some((d) => cacheRemovedLater(cmds, i, d, 'pip'))) return;
          const sub = call.subcommand!;
          const runAs = user ? null : nonRootUser(model, stage, run, cmd, cmds, dir, 'pip');
          context.report({
            messageId: user ? 'otherHome' : runAs ? 'cacheKeptUser' : 'cacheKept',
            data: { dir, user: user ?? '', target: mount?.target ?? '', ...runAs },
            range: { start: call.command.program.start, end: sub.end },
            fix: {
              title: 'Add `--no-cache-dir`',
              // Exec form (`["pip", "install", …]`) takes a new JSON string.
              edits: [{ start: sub.end, end: sub.end, text: sub.raw.startsWith('"') ? ', "--no-cache-dir"' : ' --no-cache-dir' }],
            },
          });
        });
      },
    };
  },
});

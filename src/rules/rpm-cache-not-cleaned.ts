import { appendEdit, runAppendPoint } from '~/engine/append';
import { defineRule } from '~/engine/define-rule';
import { mountCovers, normalizePath } from '~/engine/mounts';
import { commandText, lastCommandWord, RPM_CACHE_DIRS, rpmCall, type RpmCall, type RpmFamily } from '~/engine/rpm';
import type { Command } from '~/engine/shell';

/** yum/dnf subcommands that download repository metadata or packages into the cache. */
const YUM_FILLS = new Set([
  'install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'up', 'update-minimal',
  'upgrade-minimal', 'downgrade', 'distro-sync', 'distrosync', 'dsync', 'makecache', 'builddep', 'swap',
  'groupupdate', 'groupupgrade', 'localupdate',
]);
const YUM_FILLS_ACTIONS: Record<string, Set<string>> = {
  group: new Set(['install', 'upgrade', 'update']),
  groups: new Set(['install', 'upgrade', 'update']),
  module: new Set(['install', 'enable', 'update', 'upgrade', 'switch-to']),
};
/** zypper commands that refresh repositories or download packages. */
const ZYPPER_FILLS = new Set([
  'install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'refresh', 'ref',
  'install-new-recommends', 'inr',
]);

const FAMILY_DIRS: Record<RpmFamily, string[]> = {
  yum: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/tdnf'],
  zypper: ['/var/cache/zypp'],
};

function fills(call: RpmCall): boolean {
  const sub = call.subcommand?.value;
  if (!sub) return false;
  if (call.family === 'zypper') return ZYPPER_FILLS.has(sub);
  const actions = YUM_FILLS_ACTIONS[sub];
  if (actions) return !!call.action && actions.has(call.action.value);
  return YUM_FILLS.has(sub);
}

/** `rm -rf /var/cache/dnf/*`, `/var/cache/dnf`, `/var/cache/*`: removes one of the family's cache directories. */
function removesCache(cmd: Command, family: RpmFamily): boolean {
  if (cmd.name !== 'rm') return false;
  return cmd.args.some((a) => {
    const path = normalizePath(a.value.replace(/\/\*$/, ''));
    return !!path && FAMILY_DIRS[family].some((d) => d === path || d.startsWith(`${path}/`));
  });
}

/** `yum clean all`, `dnf clean all` (any yum-family program: `yum` is dnf on current RHEL); `zypper clean`/`zypper cc`. */
function cleans(cmd: Command, family: RpmFamily): boolean {
  if (removesCache(cmd, family)) return true;
  const call = rpmCall(cmd);
  if (!call || call.family !== family) return false;
  const sub = call.subcommand?.value;
  if (family === 'zypper') return sub === 'clean' || sub === 'cc';
  return sub === 'clean' && [call.action, ...call.packages].some((w) => w?.value === 'all');
}

export default defineRule({
  name: 'rpm-cache-not-cleaned',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require cleaning the yum, dnf or zypper cache in the `RUN` that fills it, in the image that ships',
    category: 'size',
    scope: 'final-stage',
    fixable: 'unsafe',
    sources: ['hadolint:DL3032', 'hadolint:DL3036', 'hadolint:DL3040', 'trivy:DS-0015', 'trivy:DS-0019', 'trivy:DS-0020', 'trivy:DS-0027'],
    messages: {
      yumCache: '`{{command}}` leaves repository metadata and downloaded packages in `{{dir}}`, and this `RUN` keeps them in a layer of the final image. Add `&& {{manager}} clean all` at the end of the same `RUN`, or keep the cache out of the image with `--mount=type=cache,target={{dir}},sharing=locked`.',
      zypperCache: '`{{command}}` leaves repository metadata and downloaded packages in `/var/cache/zypp`, and this `RUN` keeps them in a layer of the final image. Add `&& zypper clean --all` at the end of the same `RUN`, or keep the cache out of the image with `--mount=type=cache,target=/var/cache/zypp,sharing=locked`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        // Builder stages do not ship; ONBUILD triggers run in the image built from this one.
        if (!context.inOnbuild && !model.ships(stage)) return;
        const cmds = model.commands(run);
        const mounts = model.mounts(run);
        for (const family of ['yum', 'zypper'] as const) {
          let last = -1;
          cmds.forEach((c, i) => {
            const call = rpmCall(c);
            if (call?.family === family && fills(call)) last = i;
          });
          if (last < 0) continue;
          const cmd = cmds[last]!;
          const call = rpmCall(cmd)!;
          const dirs = RPM_CACHE_DIRS[call.manager] ?? FAMILY_DIRS[family];
          if (mountCovers(mounts, dirs)) continue;
          if (cmds.slice(last + 1).some((c) => cleans(c, family))) continue;
          const word = lastCommandWord(call)!;
          const clean = family === 'yum' ? `${call.manager} clean all` : 'zypper clean --all';
          const at = runAppendPoint(model, run, cmds);
          context.report({
            messageId: family === 'yum' ? 'yumCache' : 'zypperCache',
            data: { command: `${call.manager} ${commandText(call)}`, manager: call.manager, dir: dirs[0]! },
            range: { start: cmd.program.start, end: word.end },
            suggestions: at === null ? [] : [{ title: `Run \`${clean}\` at the end of this RUN`, edits: [appendEdit(model, at, clean)] }],
          });
        }
      },
    };
  },
});

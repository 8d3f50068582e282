import { packageCall, packageName, systemInstall, type PackageCall } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';
import { isDevelopmentStage } from '~/engine/runtime';
import type { Instruction } from 'dockerfile-ast';
import type { Word } from '~/engine/shell';

const BUILD_TOOLS = /^(build-essential|build-base|gcc(-\d+)?|g\+\+(-\d+)?|cpp|clang(-\d+)?|cmake|autoconf|automake|libtool|pkg-config|pkgconf|musl-dev|linux-headers|gcc-c\+\+|rust|rustc|cargo|gfortran|.+-dev|.+-devel)$/;
/** Headers and link libraries rather than a tool (`libpq-dev`, `python3-devel`, `musl-dev`, `linux-headers`). */
const DEV = /^(.+-dev|.+-devel|linux-headers)$/;

/** The command that removes `pkg` with the (non-apk) package manager that installed it. */
function removeCommand(manager: PackageCall['manager'], pkg: string): string {
  switch (manager) {
    case 'apt-get': case 'apt': return `apt-get purge -y --auto-remove ${pkg}`;
    case 'zypper': return `zypper -n remove ${pkg}`;
    default: return `${manager} remove -y ${pkg}`;
  }
}

/** The virtual package of an `apk add --virtual NAME` (`-t NAME`, `--virtual=NAME`), if any. */
function virtualGroup(options: readonly Word[]): string | undefined {
  for (let k = 0; k < options.length; k++) {
    const o = options[k]!.value;
    if ((o === '--virtual' || o === '-t') && options[k + 1]) return options[k + 1]!.value;
    if (o.startsWith('--virtual=')) return o.slice('--virtual='.length);
  }
  return undefined;
}

export default defineRule({
  name: 'build-tools-in-final-stage',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow compilers and `-dev` packages in the image that ships unless they are removed in the same `RUN`',
    category: 'size',
    scope: 'final-stage',
    messages: {
      buildTool: '`{{pkg}}` is {{what}} installed in the image that ships and never removed in the same `RUN`. Build in a separate stage and copy the result, or remove it in the same `RUN` (`{{remove}}`{{keep}}).',
      buildToolApk: '`{{pkg}}` is {{what}} installed in the image that ships and never removed in the same `RUN`. Build in a separate stage and copy the result, or remove it in the same `RUN`: `apk del {{pkg}}`, or install the build tools as a virtual package and delete it (`apk add --virtual .build-deps {{pkg}} … && apk del .build-deps`).',
      buildToolApkGroup: '`{{pkg}}` is {{what}} installed in the image that ships, in the virtual package `{{group}}` that is never deleted in the same `RUN`. Build in a separate stage and copy the result, or end the same `RUN` with `apk del {{group}}`.',
      removedLater: '`{{pkg}}` is {{what}} installed in the image that ships. Removing it on line {{line}} does not shrink the image: that is a later `RUN`, and the layer of this one keeps the package. Install, build and remove in this one `RUN` (move `{{remove}}` here), or build in a separate stage and copy the result.',
    },
  },
  create(context) {
    const { model } = context;
    /**
     * Packages removed by each `RUN` of the image that ships (`apt-get purge`, `apk del`, …), by name, in file order:
     * a removal in a later `RUN` frees nothing, and the message says so where the Dockerfile seems to count on it.
     */
    let removals: Array<{ run: Instruction; names: Map<string, { line: number; command: string }> }> | undefined;
    const removalsOf = () => removals ??= model.stages.filter((s) => model.ships(s)).flatMap((s) => s.instructions)
      .filter((i) => i.getKeyword() === 'RUN').map((run) => {
        const names = new Map<string, { line: number; command: string }>();
        for (const cmd of model.commands(run)) {
          const rm = packageCall(cmd);
          if (!rm?.subcommand || !/^(purge|remove|del|erase|rm)$/.test(rm.subcommand.value)) continue;
          const removal = { line: model.lines.position(cmd.start).line, command: [rm.manager, ...cmd.args.map((a) => a.value)].join(' ') };
          for (const p of rm.packages) if (!names.has(packageName(p))) names.set(packageName(p), removal);
        }
        return { run, names };
      }).filter((r) => r.names.size > 0);
    return {
      RUN(run, stage) {
        // A last stage named `dev`/`test`/`ci` is the development image by design: compilers are welcome there.
        if (!model.ships(stage) || (model.finalStage && isDevelopmentStage(model.finalStage))) return;
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const call = systemInstall(cmd);
          if (!call) return;
          const virtual = call.manager === 'apk' ? virtualGroup(call.options) : undefined;
          const removed = new Set<string>();
          // The official images' pattern: `apt-mark auto '.*'` (then `apt-mark manual` the runtime
          // packages) and `apt-get purge --auto-remove` removes everything this RUN installed.
          let markedAuto = false;
          let autoRemovedAll = false;
          for (const later of cmds.slice(i + 1)) {
            if (later.name === 'apt-mark' && later.args.some((a) => a.value === 'auto')) markedAuto = true;
            const rm = packageCall(later);
            if (!rm?.subcommand) continue;
            const sub = rm.subcommand.value;
            if (/^(purge|remove|autoremove|del|erase|rm)$/.test(sub)) for (const p of rm.packages) removed.add(packageName(p));
            if (markedAuto && (sub === 'autoremove' || rm.options.some((o) => /^--auto-?remove$/.test(o.value)))) autoRemovedAll = true;
          }
          if (autoRemovedAll && call.manager !== 'apk') return;
          for (const p of call.packages) {
            const name = packageName(p);
            if (!BUILD_TOOLS.test(name) || name.includes('$')) continue;
            if (removed.has(name) || (virtual && removed.has(virtual))) continue;
            const range = { start: p.start, end: p.end };
            const dev = DEV.test(name);
            const what = dev ? 'a development package (headers for compiling against a library)' : 'a build tool';
            const later = removalsOf().find((r) => model.isBefore(run, r.run) && (r.names.has(name) || (virtual !== undefined && r.names.has(virtual))));
            const removal = later && (later.names.get(name) ?? (virtual !== undefined ? later.names.get(virtual) : undefined));
            if (removal) {
              context.report({ messageId: 'removedLater', data: { pkg: name, what, line: removal.line, remove: removal.command }, range });
              continue;
            }
            if (call.manager !== 'apk') {
              // `apt-get purge --auto-remove` of a -dev package also takes the runtime library it pulled in
              // (libpq5 for libpq-dev), and so does `dnf remove` (clean_requirements_on_remove is on by default).
              const remover = call.manager === 'apt-get' || call.manager === 'apt' ? '`--auto-remove`' : call.manager === 'dnf' ? '`dnf remove`' : null;
              const keep = dev && remover
                ? `; first name on the install line the runtime library your program needs, such as \`${call.manager === 'dnf' ? 'libpq' : 'libpq5'}\` beside \`${call.manager === 'dnf' ? 'libpq-devel' : 'libpq-dev'}\`, or ${remover} removes it too`
                : '';
              context.report({ messageId: 'buildTool', data: { pkg: name, what, remove: removeCommand(call.manager, name), keep }, range });
            } else if (virtual) context.report({ messageId: 'buildToolApkGroup', data: { pkg: name, what, group: virtual }, range });
            else context.report({ messageId: 'buildToolApk', data: { pkg: name, what }, range });
          }
        });
      },
    };
  },
});

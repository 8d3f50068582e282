import { packageCall, packageName, systemInstall } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';

const BUILD_TOOLS = /^(build-essential|build-base|gcc(-\d+)?|g\+\+(-\d+)?|cpp|clang(-\d+)?|cmake|autoconf|automake|libtool|pkg-config|pkgconf|musl-dev|linux-headers|gcc-c\+\+|rust|cargo|gfortran|.+-dev|.+-devel)$/;

export default defineRule({
  name: 'build-tools-in-final-stage',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow compilers and `-dev` packages in the image that ships unless they are removed in the same `RUN`',
    category: 'size',
    scope: 'final-stage',
    messages: {
      buildTool: '`{{pkg}}` is a build tool installed in the image that ships and never removed in the same `RUN`. Build in a separate stage and copy the result, or purge it in the same `RUN` (`apt-get purge -y --auto-remove {{pkg}}`).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        if (!model.ships(stage)) return;
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const call = systemInstall(cmd);
          if (!call) return;
          const virtual = call.manager === 'apk' ? call.options.find((o, k) => (call.options[k - 1]?.value === '--virtual' || call.options[k - 1]?.value === '-t'))?.value : undefined;
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
            if (/^(purge|remove|autoremove|del|erase)$/.test(sub)) for (const p of rm.packages) removed.add(packageName(p));
            if (markedAuto && (sub === 'autoremove' || rm.options.some((o) => /^--auto-?remove$/.test(o.value)))) autoRemovedAll = true;
          }
          if (autoRemovedAll && call.manager !== 'apk') return;
          for (const p of call.packages) {
            const name = packageName(p);
            if (!BUILD_TOOLS.test(name) || name.includes('$')) continue;
            if (removed.has(name) || (virtual && removed.has(virtual))) continue;
            context.report({ messageId: 'buildTool', data: { pkg: name }, range: { start: p.start, end: p.end } });
          }
        });
      },
    };
  },
});

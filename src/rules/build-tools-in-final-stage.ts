import { packageCall, packageName, systemInstall } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';

const BUILD_TOOLS = /^(build-essential|build-base|gcc(-\d+)?|g\+\+(-\d+)?|cpp|clang(-\d+)?|make|cmake|autoconf|automake|libtool|pkg-config|pkgconf|musl-dev|linux-headers|gcc-c\+\+|rust|cargo|gfortran|.+-dev|.+-devel)$/;

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
        const final = model.finalStage;
        if (!final || !model.lineage(final).includes(stage)) return;
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const call = systemInstall(cmd);
          if (!call) return;
          const virtual = call.manager === 'apk' ? call.options.find((o, k) => (call.options[k - 1]?.value === '--virtual' || call.options[k - 1]?.value === '-t'))?.value : undefined;
          const removed = new Set<string>();
          for (const later of cmds.slice(i + 1)) {
            const rm = packageCall(later);
            if (!rm?.subcommand) continue;
            if (/^(purge|remove|autoremove|del|erase)$/.test(rm.subcommand.value)) for (const p of rm.packages) removed.add(packageName(p));
          }
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

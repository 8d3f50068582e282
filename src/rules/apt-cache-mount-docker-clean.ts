import type { Instruction } from 'dockerfile-ast';
import { aptCall, aptConfiguredBefore, aptSettings } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';
import { normalizePath } from '~/engine/mounts';

/** `Keep-Downloaded-Packages "true"` in a config text, or `…Keep-Downloaded-Packages=true` on a command line. */
const KEEP = /Keep-Downloaded-Packages\s*(=\s*|\s+)["']?\s*(1|true|yes|on)\b/i;
const KEEP_NAME = /(^|::)Keep-Downloaded-Packages$/i;
const ON = /^["']?(1|true|yes|on)["']?$/i;

export default defineRule({
  name: 'apt-cache-mount-docker-clean',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require removing `/etc/apt/apt.conf.d/docker-clean` before caching `/var/cache/apt` with a mount',
    category: 'cache',
    scope: 'all-stages',
    messages: {
      emptyCache: 'This cache mount on `/var/cache/apt` stays empty: Debian and Ubuntu images ship `/etc/apt/apt.conf.d/docker-clean`, which deletes downloaded packages after each install. Remove it first (`rm -f /etc/apt/apt.conf.d/docker-clean`) and set `Keep-Downloaded-Packages "true"`.',
    },
  },
  create(context) {
    const { model } = context;
    /** Whether an instruction's text removes docker-clean or keeps downloaded packages. */
    const disables = (instr: Instruction, upTo?: number) => {
      for (const c of model.commands(instr)) {
        if (upTo !== undefined && c.start >= upTo) break;
        // `rm -f …/docker-clean`, also `mv` it away, `unlink`, `truncate -s 0`, `sed -i` on it: anything but reading it.
        if (!/^(cat|ls|grep|egrep|test|\[|head|tail|less|more|stat|file|echo)$/.test(c.name) && c.args.some((a) => a.value.includes('docker-clean'))) return true;
        // Written to a config file (`echo '…Keep-Downloaded-Packages "true";' > …`); an apt `-o` lasts only for its own command.
        if (!aptCall(c) && c.args.some((a) => KEEP.test(a.value))) return true;
      }
      return false;
    };
    return {
      RUN(run, stage) {
        const distro = model.baseImage(stage)?.distro?.distro;
        if (distro !== 'debian' && distro !== 'ubuntu') return;
        const mount = model.mounts(run).find((m) => m.type === 'cache' && /^\/var\/cache\/apt(\/archives)?$/.test(normalizePath(m.target ?? '')));
        if (!mount) return;
        const cmds = model.commands(run);
        const apt = cmds.find((c) => aptCall(c));
        if (!apt) return;
        if (disables(run, apt.start)) return;
        if (cmds.some((c) => { const call = aptCall(c); return !!call && aptSettings(call).some((o) => KEEP_NAME.test(o.name) && ON.test(o.value)); })) return;
        for (const s of model.lineage(stage)) {
          for (const instr of s.instructions) {
            if (s === stage && !model.isBefore(instr, run)) break;
            if (instr.getKeyword() === 'RUN' && disables(instr)) return;
          }
        }
        // A config file written by a heredoc `COPY`, or copied in (contents unknown: benefit of the doubt).
        if (aptConfiguredBefore(model, stage, run, KEEP)) return;
        context.report({ messageId: 'emptyCache', range: mount.targetRange ?? mount.range });
      },
    };
  },
});

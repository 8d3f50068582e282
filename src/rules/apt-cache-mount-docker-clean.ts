import type { Instruction } from 'dockerfile-ast';
import { aptInstall, packageCall } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';
import { normalizePath } from '~/engine/mounts';

const KEEP = /Keep-Downloaded-Packages/i;

export default defineRule({
  name: 'apt-cache-mount-docker-clean',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require removing `/etc/apt/apt.conf.d/docker-clean` before caching `/var/cache/apt` with a mount',
    category: 'cache',
    scope: 'all-stages',
    messages: {
      emptyCache: 'This cache mount on `/var/cache/apt` stays empty: Debian images ship `/etc/apt/apt.conf.d/docker-clean`, which deletes downloaded packages after each install. Remove it first (`rm -f /etc/apt/apt.conf.d/docker-clean`) and set `Keep-Downloaded-Packages "true"`.',
    },
  },
  create(context) {
    const { model } = context;
    /** Whether an instruction's text removes docker-clean or keeps downloaded packages. */
    const disables = (instr: Instruction, upTo?: number) => {
      for (const c of model.commands(instr)) {
        if (upTo !== undefined && c.start >= upTo) break;
        if (c.name === 'rm' && c.args.some((a) => a.value.includes('docker-clean'))) return true;
        if (c.args.some((a) => KEEP.test(a.value))) return true;
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
        const apt = cmds.find((c) => aptInstall(c) || packageCall(c)?.subcommand?.value === 'upgrade');
        if (!apt) return;
        if (apt.args.some((a) => KEEP.test(a.value)) || disables(run, apt.start)) return;
        for (const s of model.lineage(stage)) {
          for (const instr of s.instructions) {
            if (s === stage && !model.isBefore(instr, run)) break;
            if (instr.getKeyword() === 'RUN' && disables(instr)) return;
          }
        }
        context.report({ messageId: 'emptyCache', range: mount.targetRange ?? mount.range });
      },
    };
  },
});

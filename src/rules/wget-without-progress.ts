import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';

export default defineRule({
  name: 'wget-without-progress',
  meta: {
    type: 'layout',
    severity: 'info',
    description: 'Require `wget` in builds to limit its progress output',
    category: 'style',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3047'],
    messages: {
      progress: '`wget` without `--progress` (or `-q`/`-nv`) prints a progress bar line by line into the build log, thousands of lines for a large file. Add `--progress=dot:giga`.',
    },
  },
  create(context) {
    const { model } = context;
    /**
     * Whether `wget` in the stage is BusyBox's: an Alpine base without GNU wget installed (`apk add wget`).
     * BusyBox wget updates its progress line at most once a second and rejects `--progress`.
     */
    const busybox = new Map<Stage, boolean>();
    const isBusybox = (stage: Stage): boolean => {
      let result = busybox.get(stage);
      if (result === undefined) {
        result = model.baseImage(stage)?.distro?.distro === 'alpine' && !model.lineage(stage).some((s) => s.instructions.some((i) =>
          i.getKeyword() === 'RUN' && model.commands(i).some((c) => c.name === 'apk' && c.args.some((a) => a.value === 'wget'))));
        busybox.set(stage, result);
      }
      return result;
    };
    return {
      RUN(run, stage) {
        for (const c of model.commands(run)) {
          if (c.name !== 'wget') continue;
          const words = c.args.map((a) => a.value);
          if (words.some((w) => /^--progress(=|$)/.test(w) || w === '-q' || w === '--quiet' || w === '-nv' || w === '--no-verbose' || /^-[a-zA-Z]*q[a-zA-Z]*$/.test(w)
            || /^-[oa]/.test(w) || /^--(output|append-output)(=|$)/.test(w))) continue;
          if (!context.inOnbuild && isBusybox(stage)) continue;
          context.report({ messageId: 'progress', range: { start: c.program.start, end: c.program.end }, fix: { title: 'Add `--progress=dot:giga`', edits: [{ start: c.program.end, end: c.program.end, text: ' --progress=dot:giga' }] } });
        }
      },
    };
  },
});

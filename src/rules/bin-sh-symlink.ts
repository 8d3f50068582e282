import { defineRule } from '~/engine/define-rule';
import type { Word } from '~/engine/shell';

/** `/bin/sh` and `/usr/bin/sh` (the same file on merged-/usr systems), however the path is spelled. */
function isSystemSh(path: string): boolean {
  return /^\/+(usr\/+)?bin\/+sh$/.test(path);
}
function isBinDir(path: string): boolean {
  return /^\/+(usr\/+)?bin\/*$/.test(path);
}
const basename = (p: string) => p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1);

/** ln options that take a value as the next word. */
const WITH_VALUE = new Set(['-t', '--target-directory', '-S', '--suffix']);

/** The word naming the link that `ln` creates at `/bin/sh`, or null. */
function linkAtBinSh(args: readonly Word[]): Word | null {
  const positional: Word[] = [];
  let targetDir: Word | null = null;
  let noTargetDir = false;
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.value;
    if (options && v === '--') { options = false; continue; }
    if (options && v.startsWith('-') && v !== '-') {
      if (v === '-T' || v === '--no-target-directory' || (/^-[a-zA-Z]+$/.test(v) && v.includes('T'))) noTargetDir = true;
      if (v.startsWith('--target-directory=')) targetDir = { ...a, value: v.slice('--target-directory='.length) };
      else if (/^-[a-zA-Z]*t$/.test(v) || v === '--target-directory') { targetDir = args[i + 1] ?? null; i++; }
      else if (/^-[a-zA-Z]*t./.test(v)) targetDir = { ...a, value: v.slice(v.indexOf('t') + 1) };
      else if (WITH_VALUE.has(v) || /^-[a-zA-Z]*S$/.test(v)) i++;
      continue;
    }
    positional.push(a);
  }
  if (targetDir) {
    // `ln -s -t /bin /opt/shells/sh`: one link per source, named after it.
    return isBinDir(targetDir.value) && positional.some((p) => basename(p.value) === 'sh') ? targetDir : null;
  }
  // With one operand the link goes into the working directory.
  if (positional.length < 2) return null;
  const last = positional[positional.length - 1]!;
  if (isSystemSh(last.value)) return last;
  // `ln -sf /bin/bash /bin/` would make /bin/bash; only a source named `sh` lands on /bin/sh.
  if (!noTargetDir && isBinDir(last.value) && positional.slice(0, -1).some((p) => basename(p.value) === 'sh')) return last;
  return null;
}

export default defineRule({
  name: 'bin-sh-symlink',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow replacing `/bin/sh` with a symlink to change the shell; use the `SHELL` instruction',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['hadolint:DL4005'],
    messages: {
      relinked: 'This `ln` replaces `/bin/sh`, the shell that every program in the image runs for `system()`, scripts and package maintainer scripts, not only the shell-form `RUN` lines of this Dockerfile. To run `RUN` with another shell, use the `SHELL` instruction, for example `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const cmd of model.commands(run)) {
          if (cmd.name !== 'ln') continue;
          const word = linkAtBinSh(cmd.args);
          if (word) context.report({ messageId: 'relinked', range: { start: word.start, end: word.end } });
        }
      },
    };
  },
});

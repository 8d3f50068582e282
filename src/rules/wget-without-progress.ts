import { defineRule } from '~/engine/define-rule';
import type { Instruction } from 'dockerfile-ast';
import type { Stage } from '~/engine/model';

/** Short options of wget that take a value: in a cluster (`-qO-`), what follows one of them is its value. */
const WITH_VALUE = 'oaOPeTtwUQiBDlIXAR';
/** Options that download nothing, so print no progress. */
const NO_DOWNLOAD = new Set(['--spider', '--version', '-V', '--help', '-h']);

/** `-q`, `-qO-`, `-nc -q`, or a log file given with `-o`/`-a` (`-o /dev/null`, `-qo log`): nothing is drawn in the build log. */
function quietOrLogged(word: string): boolean {
  if (!/^-[a-zA-Z]/.test(word) || word.startsWith('--') || word === '-nv' || word === '-nc' || word === '-nd' || word === '-np' || word === '-nH') return false;
  for (const ch of word.slice(1)) {
    if (ch === 'q' || ch === 'o' || ch === 'a') return true;
    if (WITH_VALUE.includes(ch)) return false;
  }
  return false;
}

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
    /** The first `RUN` of the stage's lineage that installs GNU wget (`apk add wget`), or null; once per stage. */
    const gnuFrom = new Map<Stage, Instruction | null>();
    const gnuInstall = (stage: Stage): Instruction | null => {
      if (!gnuFrom.has(stage)) {
        let found: Instruction | null = null;
        for (const s of [...model.lineage(stage)].reverse()) {
          found = s.instructions.find((i) => i.getKeyword() === 'RUN'
            && model.commands(i).some((c) => c.name === 'apk' && c.args.some((a) => a.value === 'wget'))) ?? null;
          if (found) break;
        }
        gnuFrom.set(stage, found);
      }
      return gnuFrom.get(stage)!;
    };
    /** BusyBox wget: an Alpine base, before the `RUN` that installs GNU wget (`apk add wget && wget …` counts as installed). */
    const isBusybox = (stage: Stage, run: Instruction): boolean => {
      if (model.baseImage(stage)?.distro?.distro !== 'alpine') return false;
      const gnu = gnuInstall(stage);
      return !gnu || (gnu !== run && model.stageOf(gnu) === stage && !model.isBefore(gnu, run));
    };
    return {
      RUN(run, stage) {
        for (const c of model.commands(run)) {
          if (c.name !== 'wget') continue;
          const words = c.args.map((a) => a.value);
          if (words.some((w) => /^--progress(=|$)/.test(w) || w === '--quiet' || w === '-nv' || w === '--no-verbose' || quietOrLogged(w)
            || /^--(output|output-file|append-output)(=|$)/.test(w) || NO_DOWNLOAD.has(w))) continue;
          if (!context.inOnbuild && isBusybox(stage, run)) continue;
          context.report({ messageId: 'progress', range: { start: c.program.start, end: c.program.end }, fix: { title: 'Add `--progress=dot:giga`', edits: [{ start: c.program.end, end: c.program.end, text: ' --progress=dot:giga' }] } });
        }
      },
    };
  },
});

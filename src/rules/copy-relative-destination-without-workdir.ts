import type { Copy, Instruction, Onbuild } from 'dockerfile-ast';
import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import type { Word } from '~/engine/shell';

/** `/app`, `\app`, `C:\app`, `C:/app`: absolute on Linux or Windows. */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/** Removes one pair of surrounding quotes. */
function stripQuotes(value: string): string {
  const m = /^(['"])([\s\S]*)\1$/.exec(value);
  return m ? m[2]! : value;
}

/** The destination word of a COPY or ADD, heredoc forms (`COPY <<EOF /etc/app.conf`) included. */
function destination(model: DockerfileModel, instr: Instruction): Word | null {
  const args = copyArgs(model, instr);
  if (!args) return null;
  if (args.destination) return args.destination;
  const heredocs = (instr as Copy).getHeredocs();
  if (!heredocs.length) return null;
  const body = heredocs[0]!.getContentRange()?.start ?? heredocs[0]!.getDelimiterRange()?.start;
  const cut = body ? model.lines.offset(body.line, 0) : Infinity;
  const words = instr.getArguments()
    .map((a) => ({ ...model.offsets(a.getRange()), value: a.getValue() }))
    .filter((w) => w.start < cut);
  const last = words[words.length - 1];
  if (!last || last.value.startsWith('<<') || words.length < 2) return null;
  return { value: last.value, raw: model.text.slice(last.start, last.end), start: last.start, end: last.end };
}

/** The ONBUILD triggers of a stage, as instructions. */
function triggers(stage: Stage): Instruction[] {
  return stage.instructions
    .filter((i) => i.getKeyword() === 'ONBUILD')
    .map((i) => (i as Onbuild).getTriggerInstruction())
    .filter((t): t is Instruction => t !== null);
}

export default defineRule({
  name: 'copy-relative-destination-without-workdir',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require a `WORKDIR` before `COPY` or `ADD` to a relative destination',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['hadolint:DL3045'],
    messages: {
      relative: '`{{dest}}` is a relative destination, but no `WORKDIR` is set in this stage or a stage it is built from: the files land in whatever working directory the base image has (`/` for most images), which can change when the base image does. Set `WORKDIR /app` (or your application directory) before this line, or use an absolute destination.',
    },
  },
  create(context) {
    const { model } = context;
    const workdirs = new Map<Stage, Instruction | null>();
    const reported = new Set<Stage>();
    const reportedInTriggers = new Set<Stage>();
    /** The first WORKDIR of a stage, or null. */
    const firstWorkdir = (s: Stage) => {
      let w = workdirs.get(s);
      if (w === undefined) {
        w = s.instructions.find((i) => i.getKeyword() === 'WORKDIR') ?? null;
        workdirs.set(s, w);
      }
      return w;
    };
    const check = (node: Instruction, stage: Stage) => {
      const dest = destination(model, node);
      if (!dest) return;
      // The text as written keeps Windows backslashes that the parsed value has lost.
      const written = stripQuotes(dest.raw);
      if (isAbsolute(written)) return;
      let value = stripQuotes(dest.value);
      if (value.includes('$')) {
        // A trigger runs in another build, whose arguments are unknown here.
        if (context.inOnbuild) return;
        value = model.resolveInStage(value, stage, node);
        // A variable left unresolved (set by the base image or `--build-arg`) may hold an absolute path.
        if (value.startsWith('$')) return;
      }
      if (isAbsolute(value)) return;
      const chain = model.lineage(stage);
      // `scratch` has no working directory: a relative path is plainly under `/`.
      if (model.baseImage(stage)?.isScratch) return;
      const set = chain.some((s) => {
        const first = firstWorkdir(s);
        if (s !== stage) return first !== null;
        // In a trigger, every WORKDIR of the image counts, and the triggers before this one.
        if (context.inOnbuild) return first !== null || triggers(s).some((t) => t.getKeyword() === 'WORKDIR' && model.isBefore(t, node));
        return first !== null && model.isBefore(first, node);
      });
      if (set) return;
      // One finding per stage: one `WORKDIR` fixes every relative destination after it.
      const seen = context.inOnbuild ? reportedInTriggers : reported;
      if (seen.has(stage)) return;
      seen.add(stage);
      context.report({ messageId: 'relative', data: { dest: written }, range: { start: dest.start, end: dest.end } });
    };
    return { COPY: check, ADD: check };
  },
});

import type { Copy, Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
import type { Word } from './shell';

/** A COPY or ADD, split into sources and destination (flags removed, exec form decoded). */
export interface CopyArgs {
  readonly instruction: Instruction;
  readonly keyword: 'COPY' | 'ADD';
  readonly from: string | null;
  readonly sources: readonly Word[];
  readonly destination: Word | null;
}

/** Per instruction, computed once: sixteen rules read the same COPY. Callers treat the result as read-only. */
const computed = new WeakMap<Instruction, CopyArgs>();

export function copyArgs(model: DockerfileModel, instr: Instruction): CopyArgs | null {
  const keyword = instr.getKeyword();
  if (keyword !== 'COPY' && keyword !== 'ADD') return null;
  let args = computed.get(instr);
  if (!args) computed.set(instr, args = computeCopyArgs(model, instr, keyword));
  return args;
}

function computeCopyArgs(model: DockerfileModel, instr: Instruction, keyword: 'COPY' | 'ADD'): CopyArgs {
  const fromFlag = (instr as Copy).getFlags?.().find((f) => f.getName().toLowerCase() === 'from');
  const json = 'getJSONStrings' in instr ? (instr as Copy).getJSONStrings() : [];
  let words: Word[];
  if (json.length && /^\s*(--\S+\s+)*\[/.test(instr.getArgumentsContent() ?? '')) {
    words = json.map((j) => {
      const { start, end } = model.offsets(j.getRange());
      const raw = model.text.slice(start, end);
      let value = j.getJSONValue();
      try { value = JSON.parse(raw) as string; } catch { /* keep */ }
      return { value, raw, start, end };
    });
  } else {
    words = instr.getArguments().map((a) => {
      const { start, end } = model.offsets(a.getRange());
      return { value: a.getValue(), raw: model.text.slice(start, end), start, end };
    });
  }
  // Heredoc bodies (`COPY <<EOF /x` then lines) are not arguments.
  const heredocs = 'getHeredocs' in instr ? (instr as Copy).getHeredocs() : [];
  const body = heredocs[0]?.getContentRange()?.start ?? heredocs[0]?.getDelimiterRange()?.start;
  if (body) {
    const cut = model.lines.offset(body.line, 0);
    words = words.filter((w) => w.start < cut);
  }
  if (words.length && words[0]!.value.startsWith('<<')) return { instruction: instr, keyword, from: fromFlag?.getValue() ?? null, sources: [], destination: null };
  return {
    instruction: instr,
    keyword,
    from: fromFlag?.getValue() ?? null,
    sources: words.slice(0, -1),
    // A heredoc marker (`<<EOF`) is a source: with one last, the destination is missing.
    destination: words.length > 1 && !words[words.length - 1]!.value.startsWith('<<') ? words[words.length - 1]! : null,
  };
}

/** The stage a `--from` names (by name or index), or null for an external image. */
export function fromStage(model: DockerfileModel, from: string, before: Stage): Stage | null {
  const byIndex = /^\d+$/.test(from) ? model.stages[Number(from)] : undefined;
  const stage = byIndex ?? model.stages.find((s) => s.name === from.toLowerCase());
  return stage && stage.index < before.index + 1 ? stage : null;
}

/** `COPY . .`, `ADD . /app`, `COPY ./ ./`, and `COPY * ./` (every top-level entry): the whole build context. */
export function copiesWholeContext(c: CopyArgs): Word | null {
  if (c.from) return null;
  return c.sources.find((s) => /^\.\/?(\.)?$|^\.\/\.$/.test(s.value.replace(/\/+$/, '/')) || s.value === './' || /^(\.\/)?\*$/.test(s.value)) ?? null;
}

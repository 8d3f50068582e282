import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'no-empty-continuation',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow empty lines inside a continued instruction',
    category: 'correctness',
    scope: 'file',
    fixable: 'safe',
    sources: ['buildkit:NoEmptyContinuation'],
    messages: {
      empty: 'This empty line sits inside a continued instruction: Docker skips it today, but empty continuation lines will become an error. Remove it, or end the instruction before it.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      'Dockerfile:exit'() {
        const esc = model.escapeChar;
        for (const instr of model.instructions) {
          const r = instr.getRange();
          if (r.start.line === r.end.line) continue;
          const heredocs = 'getHeredocs' in instr ? (instr as unknown as { getHeredocs(): Array<{ getContentRange(): { start: { line: number } } | null }> }).getHeredocs() : [];
          const lastLine = heredocs.length ? (heredocs[0]!.getContentRange()?.start.line ?? r.end.line) - 1 : r.end.line;
          for (let line = r.start.line + 1; line <= lastLine; line++) {
            const start = model.lines.starts[line]!;
            const end = model.lines.starts[line + 1] ?? model.text.length;
            const text = model.text.slice(start, end);
            if (!blank(text)) continue;
            // Only inside a continuation: the previous non-comment line ends with the escape character.
            const prev = model.text.slice(model.lines.starts[line - 1]!, start).replace(/\r?\n$|\r$/, '');
            if (!prev.trimEnd().endsWith(esc) && !blank(prev) && !prev.trim().startsWith('#')) continue;
            context.report({ messageId: 'empty', range: { start, end: start + text.replace(/[\r\n]+$/, '').length }, fix: { title: 'Remove the empty line', edits: [{ start, end, text: '' }] } });
          }
        }
      },
    };
  },
});

/** Blank the way the Dockerfile parser sees it: ASCII whitespace only (a lone U+FEFF is text, not space). */
function blank(line: string): boolean {
  return /^[ \t\r\n\f\v]*$/.test(line);
}

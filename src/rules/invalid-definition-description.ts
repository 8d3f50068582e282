import type { From, Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';

/** Comments that are instructions to a tool, not descriptions: lint pragmas and parser directives. */
const PRAGMA = /^(hadolint\s|shipshape\s|check\s*=|syntax\s*=|escape\s*=|trivy:|checkov:|noqa\b|tally\s)/i;

export default defineRule({
  name: 'invalid-definition-description',
  meta: {
    type: 'layout',
    severity: 'style',
    description: 'Require a comment right above `ARG` or `FROM … AS` to start with the name it describes',
    category: 'style',
    scope: 'file',
    // Experimental in BuildKit: it only runs with `# check=experimental=InvalidDefinitionDescription`.
    enabledByDefault: false,
    fixable: 'unsafe',
    sources: ['buildkit:InvalidDefinitionDescription'],
    onbuild: false,
    messages: {
      description: 'The comment right above this `{{keyword}}` reads as its description (`docker buildx build --call=outline` shows it), but it does not start with `{{name}}`. Start it with the name (`# {{name}} <description>`), or separate the comment from the instruction with a blank line.',
    },
  },
  create(context) {
    const { model } = context;
    const lines = model.lines;
    /** The text of 0-based line `n`, without its line break. */
    const lineText = (n: number) => {
      const start = lines.starts[n] ?? model.text.length;
      const end = lines.starts[n + 1] ?? model.text.length;
      return model.text.slice(start, end).replace(/\r?\n$|\r$/, '');
    };
    const directiveLines = new Set(model.dockerfile.getDirectives().map((d) => d.getRange().start.line));

    const check = (node: Instruction, keyword: string, names: string[], sameName: (word: string, name: string) => boolean) => {
      if (!names.length) return;
      const first = node.getRange().start.line;
      // The comment block right above: consecutive comment lines, up to a blank line, an empty `#`
      // (BuildKit's separator), a directive or a pragma.
      const block: number[] = [];
      for (let n = first - 1; n >= 0; n--) {
        const t = lineText(n).trim();
        if (!t.startsWith('#') || directiveLines.has(n)) break;
        const content = t.slice(1).trim();
        if (!content || PRAGMA.test(content)) break;
        block.unshift(n);
      }
      if (!block.length) return;
      const describes = block.some((n) => {
        const word = lineText(n).trim().slice(1).trim().split(/\s+/)[0] ?? '';
        return names.some((name) => sameName(word, name));
      });
      if (describes) return;
      const last = block[block.length - 1]!;
      const raw = lineText(last);
      const start = lines.starts[last]! + (raw.length - raw.trimStart().length);
      const instrStart = lines.starts[first]!;
      const newline = /\r\n/.test(model.text.slice(lines.starts[last]!, instrStart)) ? '\r\n' : '\n';
      context.report({
        messageId: 'description',
        data: { keyword, name: names.length === 1 ? names[0]! : '<arg name>' },
        range: { start, end: lines.starts[last]! + raw.trimEnd().length },
        suggestions: [{ title: 'Separate the comment from the instruction with a blank line', edits: [{ start: instrStart, end: instrStart, text: newline }] }],
      });
    };

    return {
      '*'(node) {
        const keyword = node.getKeyword();
        if (keyword === 'ARG') {
          // `ARG A=1 B` declares two arguments (dockerfile-ast reads `ARG A B` as a key and a value).
          const names = node.getArguments().map((a) => a.getValue().split('=')[0]!).filter(Boolean);
          check(node, node.getInstruction(), names, (w, n) => w === n);
        } else if (keyword === 'FROM') {
          const name = (node as From).getBuildStage();
          // Stage names are compared without case, as BuildKit stores them.
          if (name) check(node, node.getInstruction(), [name], (w, n) => w.toLowerCase() === n.toLowerCase());
        }
      },
    };
  },
});

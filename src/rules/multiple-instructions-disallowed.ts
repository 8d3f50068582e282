import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';

const ONCE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const;

export default defineRule({
  name: 'multiple-instructions-disallowed',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow more than one `CMD`, `ENTRYPOINT` or `HEALTHCHECK` in a stage, where only the last one counts',
    category: 'correctness',
    scope: 'all-stages',
    fixable: 'unsafe',
    sources: ['hadolint:DL4003', 'hadolint:DL4004', 'hadolint:DL3012', 'buildkit:MultipleInstructionsDisallowed', 'trivy:DS-0007', 'trivy:DS-0016', 'trivy:DS-0023'],
    messages: {
      multiple: 'This `{{keyword}}` is overridden by the one on line {{line}}: only the last `{{keyword}}` of a stage takes effect. Remove this one.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      'Dockerfile:exit'() {
        for (const stage of model.stages) {
          for (const keyword of ONCE) {
            const all: Instruction[] = stage.instructions.filter((i) => i.getKeyword() === keyword);
            const last = all[all.length - 1];
            for (const instr of all.slice(0, -1)) {
              const { start, end } = model.offsets(instr.getRange());
              context.report({
                messageId: 'multiple',
                data: { keyword, line: last!.getRange().start.line + 1 },
                range: instr.getInstructionRange(),
                suggestions: [{ title: `Remove the overridden \`${keyword}\``, edits: [{ start, end: Math.min(model.text.length, model.lines.lineEnd(end - 1 < start ? start : end - 1)), text: '' }] }],
              });
            }
          }
        }
      },
    };
  },
});

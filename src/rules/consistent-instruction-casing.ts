import { defineRule } from '~/engine/define-rule';

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export default defineRule({
  name: 'consistent-instruction-casing',
  meta: {
    type: 'layout',
    severity: 'style',
    description: 'Require every instruction keyword to use the same case',
    category: 'style',
    scope: 'file',
    fixable: 'safe',
    sources: ['buildkit:ConsistentInstructionCasing'],
    messages: {
      casing: '`{{keyword}}` does not match the {{majority}} case of the other instructions. Write `{{wanted}}`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      'Dockerfile:exit'() {
        const instrs = model.instructions;
        let upper = 0;
        let lower = 0;
        for (const i of instrs) {
          const k = i.getInstruction();
          if (!KEYWORDS.has(k.toUpperCase())) continue;
          if (k === k.toUpperCase()) upper++;
          else if (k === k.toLowerCase()) lower++;
        }
        const majority = lower > upper ? 'lower' : 'upper';
        for (const i of instrs) {
          const k = i.getInstruction();
          // An unknown word (a typo, a stray line) is not an instruction to recase.
          if (!KEYWORDS.has(k.toUpperCase())) continue;
          const wanted = majority === 'upper' ? k.toUpperCase() : k.toLowerCase();
          if (k === wanted) continue;
          const r = model.offsets(i.getInstructionRange());
          context.report({ messageId: 'casing', data: { keyword: k, majority: `${majority}case`, wanted }, range: r, fix: { title: `Write \`${wanted}\``, edits: [{ ...r, text: wanted }] } });
        }
      },
    };
  },
});

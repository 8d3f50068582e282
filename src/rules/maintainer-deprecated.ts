import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'maintainer-deprecated',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow the deprecated `MAINTAINER` instruction; use a label',
    category: 'style',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL4000', 'buildkit:MaintainerDeprecated', 'trivy:DS-0022', 'checkov:CKV_DOCKER_6'],
    messages: {
      deprecated: '`MAINTAINER` is deprecated since Docker 1.13. Use `LABEL org.opencontainers.image.authors="…"`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      MAINTAINER(instr) {
        const args = instr.getArgumentsRange();
        const value = (instr.getArgumentsContent() ?? '').trim().replace(/^"(.*)"$/, '$1');
        const { start, end } = model.offsets(instr.getRange());
        context.report({
          messageId: 'deprecated',
          range: instr.getInstructionRange(),
          ...(args && !value.includes('\n') ? { fix: { title: 'Replace with `LABEL org.opencontainers.image.authors`', edits: [{ start, end, text: `LABEL org.opencontainers.image.authors=${JSON.stringify(value)}` }] } } : {}),
        });
      },
    };
  },
});

import { editDistance } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';

const INSTRUCTIONS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export default defineRule({
  name: 'instruction-before-from',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Require a Dockerfile to start with `FROM`, after only `ARG` instructions, comments and parser directives',
    category: 'correctness',
    scope: 'file',
    sources: ['hadolint:DL3061'],
    onbuild: false,
    messages: {
      beforeFrom: '`{{keyword}}` comes before the first `FROM`, where only `ARG` may stand: the build fails with "no build stage in current context". Move it below the `FROM` of the stage it belongs to.',
      typo: '`{{keyword}}` is not an instruction: did you mean `FROM`? Before the first `FROM` only `ARG` may stand, so the build fails here.',
    },
  },
  create(context) {
    return {
      '*'(node, stage) {
        // Instructions before the first FROM have no stage.
        if (stage) return;
        const keyword = node.getKeyword();
        if (keyword === 'ARG' || keyword === 'FROM') return;
        // A misspelled FROM (`FORM`, `FRON`): a transposition counts as one slip.
        const typo = !INSTRUCTIONS.has(keyword) && /^[A-Z]{3,5}$/.test(keyword) && editDistance(keyword, 'FROM') <= 2;
        context.report({ messageId: typo ? 'typo' : 'beforeFrom', data: { keyword: node.getInstruction() }, range: node.getInstructionRange() });
      },
    };
  },
});

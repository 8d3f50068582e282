import type { Onbuild } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';

const MESSAGES = { ONBUILD: 'chained', FROM: 'from', MAINTAINER: 'maintainer' } as const;

export default defineRule({
  name: 'onbuild-forbidden-trigger',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER`',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['hadolint:DL3043'],
    // The rule looks at the ONBUILD instruction itself, not at its trigger run as an instruction.
    onbuild: false,
    messages: {
      chained: '`ONBUILD ONBUILD` is not allowed: Docker refuses to chain triggers, so the build fails. Keep one `ONBUILD`, and put the inner instruction in the Dockerfile of the image that should run it.',
      from: '`ONBUILD FROM` is not allowed: a trigger runs inside a build that already has its base image, and Docker rejects it. Remove this trigger; the Dockerfile that uses this image chooses its own `FROM`.',
      maintainer: '`ONBUILD MAINTAINER` is not allowed as a trigger, and Docker rejects it. Set the author on this image instead: `LABEL org.opencontainers.image.authors="…"`.',
    },
  },
  create(context) {
    return {
      // `*` also sees an ONBUILD written before the first FROM.
      '*'(node) {
        if (node.getKeyword() !== 'ONBUILD') return;
        const trigger = (node as Onbuild).getTriggerInstruction();
        if (!trigger) return;
        const messageId = MESSAGES[trigger.getKeyword() as keyof typeof MESSAGES];
        if (!messageId) return;
        context.report({ messageId, range: trigger.getInstructionRange() });
      },
    };
  },
});

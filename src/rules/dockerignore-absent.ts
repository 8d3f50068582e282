import { copiesWholeContext, copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'dockerignore-absent',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Suggest a `.dockerignore` when the whole build context is copied',
    category: 'context',
    scope: 'file',
    messages: {
      absent: 'The whole build context is copied and there is no `.dockerignore`: `.git`, virtualenvs, bytecode and `.env` files go into the image and break the layer cache on every change. Add a `.dockerignore`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      'Dockerfile:exit'() {
        if (typeof context.options.dockerignore === 'string') return;
        for (const instr of model.instructions) {
          const args = copyArgs(model, instr);
          const source = args && copiesWholeContext(args);
          if (!source) continue;
          context.report({ messageId: 'absent', range: { start: source.start, end: source.end } });
          return;
        }
      },
    };
  },
});

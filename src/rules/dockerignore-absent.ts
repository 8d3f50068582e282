import { copiesWholeContext, copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';
import type { Word } from '~/engine/shell';

export default defineRule({
  name: 'dockerignore-absent',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Suggest a `.dockerignore` when the whole build context is copied',
    category: 'context',
    scope: 'file',
    messages: {
      absent: 'The whole build context is copied and there is no `.dockerignore`: `.git`, virtualenvs, bytecode and `.env` files go into {{where}} and break the layer cache on every change. Add a `.dockerignore`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      'Dockerfile:exit'() {
        if (typeof context.options.dockerignore === 'string') return;
        // The first copy into the image that ships, else the first into a build stage (whose layers only the build sees).
        let first: { source: Word; stage: Stage } | null = null;
        for (const instr of model.instructions) {
          const args = copyArgs(model, instr);
          const source = args && copiesWholeContext(args);
          const stage = source ? model.stageOf(instr) : null;
          if (!source || !stage) continue;
          if (model.ships(stage)) { first = { source, stage }; break; }
          first ??= { source, stage };
        }
        if (!first) return;
        const where = model.ships(first.stage) ? 'the image' : `the build stage \`${first.stage.name ?? first.stage.index}\``;
        context.report({ messageId: 'absent', data: { where }, range: { start: first.source.start, end: first.source.end } });
      },
    };
  },
});

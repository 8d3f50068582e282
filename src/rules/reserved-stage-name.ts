import { defineRule } from '~/engine/define-rule';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  name: 'reserved-stage-name',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow reserved words (`scratch`, `context`) as stage names',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['hadolint:DL3063', 'buildkit:ReservedStageName'],
    messages: {
      reserved: '`{{name}}` is a reserved word: `FROM {{name}}` and `COPY --from={{name}}` mean something else. Rename the stage.',
    },
  },
  create(context) {
    return {
      FROM(from) {
        const name = from.getBuildStage();
        const range = from.getBuildStageRange();
        if (!name || !range || !RESERVED.has(name.toLowerCase())) return;
        context.report({ messageId: 'reserved', data: { name }, range });
      },
    };
  },
});

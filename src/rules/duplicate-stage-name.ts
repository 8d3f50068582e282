import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'duplicate-stage-name',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow two stages with the same name',
    category: 'multi-stage',
    scope: 'file',
    sources: ['hadolint:DL3024', 'buildkit:DuplicateStageName', 'trivy:DS-0012', 'checkov:CKV_DOCKER_11'],
    messages: {
      duplicate: 'The stage name `{{name}}` is already used on line {{line}} (names are compared without regard to case). `--target {{name}}`, `FROM {{name}}` and `COPY --from={{name}}` can only reach one of them. Rename one of the stages.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(from, stage) {
        if (!stage.name) return;
        const first = model.stages.find((s) => s.index < stage.index && s.name === stage.name);
        const range = from.getBuildStageRange();
        if (!first || !range) return;
        context.report({
          messageId: 'duplicate',
          data: { name: from.getBuildStage() ?? stage.name, line: first.from.getRange().start.line + 1 },
          range,
        });
      },
    };
  },
});

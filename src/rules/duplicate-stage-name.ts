import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';

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
    // Stages are visited in order: the first stage of each name, so far.
    const firstByName = new Map<string, Stage>();
    return {
      FROM(from, stage) {
        if (!stage.name) return;
        const first = firstByName.get(stage.name);
        if (!first) firstByName.set(stage.name, stage);
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

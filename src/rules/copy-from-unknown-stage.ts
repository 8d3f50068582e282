import type { Instruction } from 'dockerfile-ast';
import { editDistance as distance } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';
import { resolveStageRef, stageRefs } from '~/engine/stage-refs';

export default defineRule({
  name: 'copy-from-unknown-stage',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require `COPY --from` and `RUN --mount=from=` to name a stage defined earlier, or an image with a tag',
    category: 'multi-stage',
    scope: 'all-stages',
    onbuild: false,
    sources: ['hadolint:DL3022'],
    messages: {
      typo: '`{{value}}` is not a stage of this Dockerfile, so BuildKit tries to pull an image called `{{value}}` and the build fails. Did you mean the stage `{{suggestion}}`?',
      image: '`{{value}}` is not a stage of this Dockerfile, so BuildKit pulls the image `docker.io/library/{{value}}:latest`. If you meant a stage, define it with `FROM … AS {{value}}` before this line; if you meant an image, name it with a tag.',
      later: 'The stage `{{value}}` is defined after this one (line {{line}}). BuildKit accepts it, but the classic builder treats it as an image name, and readers expect stages in build order. Move the stage above this one.',
      noIndex: 'There is no stage {{value}}: this Dockerfile has {{count}} stage(s), numbered from 0. Name the stage instead of using its index.',
    },
  },
  create(context) {
    const { model } = context;
    const check = (instr: Instruction, stage: Stage) => {
      for (const ref of stageRefs(model, instr, stage)) {
        const t = resolveStageRef(model, ref.value);
        const range = ref.range;
        if ((t.kind === 'stage' || t.kind === 'index') && t.stage) {
          if (t.stage.index > stage.index) {
            context.report({ messageId: 'later', data: { value: ref.written, line: t.stage.from.getRange().start.line + 1 }, range });
          }
        } else if (t.kind === 'index') {
          context.report({ messageId: 'noIndex', data: { value: ref.value, count: model.stages.length }, range });
        } else if (t.kind === 'name') {
          const lower = ref.value.toLowerCase();
          const near = model.stages
            .filter((s) => s.name && s.index < stage.index && lower.length >= 3 && distance(lower, s.name) <= 2)
            .sort((a, b) => distance(lower, a.name!) - distance(lower, b.name!))[0];
          if (near) context.report({ messageId: 'typo', data: { value: ref.written, suggestion: near.name! }, range });
          else context.report({ messageId: 'image', data: { value: ref.value }, range });
        }
      }
    };
    return { COPY: check, RUN: check };
  },
});

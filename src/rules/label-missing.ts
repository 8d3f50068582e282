import { defineRule } from '~/engine/define-rule';
import { labelSchemaOf, stageLabels } from '~/engine/labels';

export default defineRule({
  name: 'label-missing',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Require the final image to carry every label of `settings.labelSchema`',
    category: 'correctness',
    scope: 'final-stage',
    sources: ['hadolint:DL3049'],
    messages: {
      missing: 'The final image has no `{{label}}` label, which the label schema requires. Add `LABEL {{label}}=…` to the final stage (or to a stage it is built `FROM`).',
    },
  },
  create(context) {
    const schema = labelSchemaOf(context.options);
    if (!schema) return {};
    return {
      'Dockerfile:exit'() {
        const { model } = context;
        const stage = model.finalStage;
        if (!stage) return;
        const labels = stageLabels(model, stage);
        // A key built from an unknown variable could be any of the required ones.
        if (labels.some((l) => l.keyDynamic)) return;
        const present = new Set(labels.map((l) => l.key));
        const range = stage.from.getImageRange() ?? stage.from.getInstructionRange();
        for (const label of schema.keys()) {
          if (!present.has(label)) context.report({ messageId: 'missing', data: { label }, range });
        }
      },
    };
  },
});

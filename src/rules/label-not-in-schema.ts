import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import { labelEntries, labelSchemaOf, strictLabelsOf } from '~/engine/labels';
import type { Stage } from '~/engine/model';

export default defineRule({
  name: 'label-not-in-schema',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Disallow labels that `settings.labelSchema` does not list, when `settings.strictLabels` is on',
    category: 'correctness',
    scope: 'all-stages',
    onbuild: false,
    sources: ['hadolint:DL3050'],
    messages: {
      extra: 'Label `{{label}}` is not in the label schema, and `settings.strictLabels` allows only the labels it lists. Remove the label, or add it to `settings.labelSchema`.',
    },
  },
  create(context) {
    if (!strictLabelsOf(context.options)) return {};
    const schema = labelSchemaOf(context.options) ?? new Map();
    const { model } = context;
    const check = (instr: Instruction, stage: Stage | null) => {
      for (const entry of labelEntries(model, instr, stage)) {
        if (entry.keyDynamic || schema.has(entry.key)) continue;
        context.report({ messageId: 'extra', data: { label: entry.key }, range: entry.keyRange });
      }
    };
    return { LABEL: check };
  },
});

import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import { labelEntries, labelSchemaOf } from '~/engine/labels';
import type { Stage } from '~/engine/model';

export default defineRule({
  name: 'label-empty',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow empty values for the labels of `settings.labelSchema`',
    category: 'correctness',
    scope: 'all-stages',
    onbuild: false,
    sources: ['hadolint:DL3051'],
    messages: {
      empty: 'Label `{{label}}` is empty, but the label schema expects {{expected}}. Give it a value, or pass one at build time (`LABEL {{label}}=$VALUE` with an `ARG`).',
    },
  },
  create(context) {
    const schema = labelSchemaOf(context.options);
    if (!schema) return {};
    const { model } = context;
    const EXPECTED: Record<string, string> = {
      text: 'a value', url: 'a URL', rfc3339: 'an RFC 3339 timestamp', spdx: 'an SPDX license expression',
      hash: 'a git commit hash', semver: 'a semantic version', email: 'an email address',
    };
    const check = (instr: Instruction, stage: Stage | null) => {
      for (const entry of labelEntries(model, instr, stage)) {
        const type = schema.get(entry.key);
        if (!type || entry.keyDynamic || entry.valueDynamic) continue;
        if ((entry.value ?? '').trim() !== '') continue;
        context.report({ messageId: 'empty', data: { label: entry.key, expected: EXPECTED[type] ?? 'a value' }, range: entry.valueRange.start.line === entry.valueRange.end.line && entry.valueRange.start.character === entry.valueRange.end.character ? entry.keyRange : entry.valueRange });
      }
    };
    return { LABEL: check };
  },
});

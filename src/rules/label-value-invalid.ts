import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import { hasLabelFormat, labelEntries, labelSchemaOf, type LabelType } from '~/engine/labels';
import type { Stage } from '~/engine/model';

/** Long values are cut in messages. */
const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value).replace(/`/g, "'");

export default defineRule({
  name: 'label-value-invalid',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require label values in the format `settings.labelSchema` gives them: URL, RFC 3339 time, SPDX license, git hash, semantic version or email',
    category: 'correctness',
    scope: 'all-stages',
    onbuild: false,
    sources: ['hadolint:DL3052', 'hadolint:DL3053', 'hadolint:DL3054', 'hadolint:DL3055', 'hadolint:DL3056', 'hadolint:DL3058'],
    messages: {
      url: 'Label `{{label}}` is `{{value}}`, which is not a URL as the label schema requires. Write an absolute URL with its scheme, such as `https://github.com/example/app`.',
      rfc3339: 'Label `{{label}}` is `{{value}}`, which is not an RFC 3339 timestamp as the label schema requires. Write a full date and time with its offset, such as `2025-04-07T12:30:00Z` (`date -u +%Y-%m-%dT%H:%M:%SZ`).',
      spdx: 'Label `{{label}}` is `{{value}}`, which is not an SPDX license expression as the label schema requires. Use SPDX identifiers such as `MIT`, `Apache-2.0` or `MIT OR Apache-2.0` (see spdx.org/licenses).',
      hash: 'Label `{{label}}` is `{{value}}`, which is not a git commit hash as the label schema requires. Pass the commit at build time, e.g. `--build-arg GIT_COMMIT=$(git rev-parse HEAD)`.',
      semver: 'Label `{{label}}` is `{{value}}`, which is not a semantic version as the label schema requires. Write `MAJOR.MINOR.PATCH`, such as `1.4.0` or `2.0.0-rc.1`{{hint}}.',
      email: 'Label `{{label}}` is `{{value}}`, which is not an email address as the label schema requires. Write an address such as `team@example.com` or `Team <team@example.com>`.',
    },
  },
  create(context) {
    const schema = labelSchemaOf(context.options);
    if (!schema) return {};
    const { model } = context;
    const check = (instr: Instruction, stage: Stage | null) => {
      for (const entry of labelEntries(model, instr, stage)) {
        const type = schema.get(entry.key);
        // Values from build arguments are decided at build time; empty ones are `label-empty`'s.
        if (!type || type === 'text' || entry.keyDynamic || entry.valueDynamic) continue;
        const value = entry.value ?? '';
        if (value.trim() === '' || hasLabelFormat(type, value)) continue;
        const hint = type === 'semver' && /^[vV=]\s*\d/.test(value) && hasLabelFormat('semver', value.replace(/^[vV=]\s*/, ''))
          ? ` (drop the leading \`${value[0]}\`: \`${value.replace(/^[vV=]\s*/, '')}\`)`
          : '';
        context.report({ messageId: type as Exclude<LabelType, 'text'>, data: { label: entry.key, value: shown(value), hint }, range: entry.valueRange });
      }
    };
    return { LABEL: check };
  },
});

import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import { labelEntries, labelSchemaOf } from '~/engine/labels';
import type { Stage } from '~/engine/model';

/** Namespaces Docker keeps for itself. */
const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];
/** Inside them, the keys Docker asks extension authors to set (Docker Extensions SDK, "Extension image labels"). */
const EXTENSION = ['com.docker.desktop.extension.', 'com.docker.extension.'];

/** Why a key breaks Docker's key format recommendations, or null when it follows them. */
function problem(key: string): string | null {
  if (/[A-Z]/.test(key)) return 'it has upper-case letters';
  const bad = [...new Set(key.replace(/[a-z0-9.-]/g, ''))];
  if (bad.length) return `it contains ${bad.map((c) => (c === ' ' ? 'a space' : `\`${c}\``)).join(', ')}`;
  if (!/^[a-z]/.test(key)) return 'it does not start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'it does not end with a letter or digit';
  if (/\.\.|--/.test(key)) return 'it has consecutive separators';
  return null;
}

/** The key in the recommended form, if one is obvious. */
function normalise(key: string): string | null {
  const out = key.trim().toLowerCase().replace(/[_\s/]+/g, '-').replace(/([.-])[.-]+/g, '$1').replace(/^[^a-z]+|[^a-z0-9]+$/g, '');
  return out && out !== key && problem(out) === null ? out : null;
}

export default defineRule({
  name: 'label-key-invalid',
  meta: {
    type: 'suggestion',
    severity: 'style',
    description: 'Require label keys in Docker\'s recommended format: lower-case letters, digits, `.` and `-`, outside Docker\'s reserved namespaces',
    category: 'style',
    scope: 'all-stages',
    fixable: 'unsafe',
    sources: ['hadolint:DL3048'],
    messages: {
      format: 'Label key `{{key}}` does not follow Docker\'s key format: {{problem}}. Use lower-case letters, digits, `.` and `-`, starting with a letter{{suggestion}}.',
      reserved: 'Label key `{{key}}` is in the `{{namespace}}` namespace, which Docker reserves for its own use. Prefix your keys with the reverse DNS name of a domain you control, such as `com.example.`.',
    },
  },
  create(context) {
    const { model } = context;
    // A key the team's label schema asks for is accepted as it is written there.
    const schema = labelSchemaOf(context.options);
    const check = (instr: Instruction, stage: Stage | null) => {
      for (const entry of labelEntries(model, instr, stage)) {
        const { key } = entry;
        if (entry.keyDynamic || schema?.has(key)) continue;
        const range = model.offsets(entry.keyRange);
        const why = problem(key);
        if (why) {
          const better = normalise(key);
          // Keep the quotes of a quoted key.
          const quoted = /^["']/.test(model.text.slice(range.start, range.start + 1));
          const inner = quoted ? { start: range.start + 1, end: range.end - 1 } : range;
          context.report({
            messageId: 'format',
            data: { key, problem: why, suggestion: better ? ` (\`${better}\`)` : '' },
            range,
            ...(better && inner.end >= inner.start && model.text.slice(inner.start, inner.end) === key
              ? { suggestions: [{ title: `Rename the label to \`${better}\``, edits: [{ ...inner, text: better }] }] }
              : {}),
          });
          continue;
        }
        const namespace = RESERVED.find((ns) => key.startsWith(ns));
        if (namespace && !EXTENSION.some((ns) => key.startsWith(ns))) {
          context.report({ messageId: 'reserved', data: { key, namespace: namespace.slice(0, -1) }, range });
        }
      }
    };
    return { LABEL: check };
  },
});
